import type { Selectable } from 'kysely'

// Timestamps are ISO-8601 UTC text and flags are 0/1 integers in both SQLite and PostgreSQL,
// so that one Kysely code path reads the same values from either store.

export interface DistrictTable {
  id: string
  name: string
  city: string
  province: string
}

export interface StreetTable {
  id: string
  district_id: string
  name: string
}

export interface CommunityTable {
  id: string
  street_id: string
  name: string
  /** 未回迁社区 are left out when coverage is counted. */
  resettled: number
}

export interface OperatorTable {
  id: string
  name: string
  /** 1 while the record is demo data, not the district's. */
  sample: number
}

export interface FacilityTable {
  id: string
  community_id: string
  name: string
  address: string
  area_sqm: number
  year: number
  investment_wan: number
  /** JSON array of 运营模式 names. */
  operating_models: string
  operator_id: string | null
  phone: string | null
  /** JSON array of {days, opens, closes}. */
  hours: string
  lat: number
  lng: number
  coordinates_approximate: number
  is_reserve: number
  data_note: string | null
}

export interface FacilityFunctionTable {
  facility_id: string
  function_code: string
}

export interface UserTable {
  id: string
  /** WeChat openid (or a development identity); never shown to anyone. */
  openid: string
  role: string
  nickname: string | null
  created_at: string
}

export interface AuthSessionTable {
  id: string
  user_id: string
  /** sha256 of the bearer token: a leaked table does not leak tokens. */
  token_hash: string
  /** WeChat's session_key; stays on the server. */
  wechat_session_key: string | null
  created_at: string
  expires_at: string
  revoked_at: string | null
}

export interface FamilyMemberTable {
  id: string
  owner_user_id: string
  name: string
  relation: string
  created_at: string
}

export interface Database {
  districts: DistrictTable
  streets: StreetTable
  communities: CommunityTable
  operators: OperatorTable
  facilities: FacilityTable
  facility_functions: FacilityFunctionTable
  users: UserTable
  auth_sessions: AuthSessionTable
  family_members: FamilyMemberTable
}

export type UserRow = Selectable<UserTable>
