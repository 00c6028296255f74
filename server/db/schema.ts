import type { Generated, Selectable } from 'kysely'

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
  contact: string | null
  /** 营业执照 / 统一社会信用代码. */
  licence_no: string | null
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
  /** When the district took it out of service: gone from the directory, its history kept. */
  retired_at: string | null
}

/** Every change the district's administration makes: who, when, before → after (JSON of the edited fields). */
export interface AuditLogTable {
  id: string
  at: string
  user_id: string
  district_id: string
  entity: string
  entity_id: string
  action: string
  before: string | null
  after: string | null
}


export interface FacilityFunctionTable {
  facility_id: string
  function_code: string
  /** JSON opening hours of this function alone; null: the facility's. */
  hours: string | null
}

export interface UserTable {
  id: string
  /** WeChat openid (or a development identity); never shown to anyone. */
  openid: string
  role: string
  nickname: string | null
  created_at: string
  /** 注销账号: set when the person deleted the account; the row stays, identifying no one. */
  deleted_at: Generated<string | null>
  /** The community the resident says they live in (我的社区): which 公告 they are shown. */
  community_id: Generated<string | null>
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
  birth_date: string | null
  mobility_need: Generated<number>
  diet_notes: string | null
  address: string | null
  district_id: string | null
  subsidy_category: string | null
  subsidy_verified_at: string | null
  consent_version: string | null
  consent_at: string | null
  gender: string | null
  allergies: string | null
  health_notes: string | null
  /** A child's data needs the guardian's separate consent (个人信息保护法 §31). */
  child_consent_version: string | null
  child_consent_at: string | null
  /** 能力评估 result recorded by staff, e.g. 能力完好 / 轻度失能; null until assessed. */
  care_level: string | null
  care_level_assessed_at: string | null
  created_at: string
}

/** Per facility and function: how far ahead, until when, and how much one order may book. */
export interface BookingRuleTable {
  facility_id: string
  function_code: string
  horizon_days: number
  /** Orders close this many minutes before the session starts (120 before an 11:30 lunch = 09:30). */
  cutoff_minutes: number
  /** Cancelling is possible until this many minutes before the start. */
  cancel_minutes: number
  max_units: number
  /** The reminder goes out this many minutes before the start. */
  reminder_minutes: Generated<number>
  /** The longest run of days one booking may take (a respite stay's nights); null: the engine's own limit. */
  max_run_days: number | null
  /** The most units one account may hold of one session, over all its orders (a facility desk's are not counted). */
  max_units_per_account: number
}

export interface SessionTable {
  id: string
  facility_id: string
  function_code: string
  /** Asia/Shanghai day, 'YYYY-MM-DD'. */
  date: string
  part: string
  /** ISO UTC instants. */
  starts_at: string
  ends_at: string
  capacity: number
  booked: Generated<number>
  open: Generated<number>
  closed_reason: string | null
  price_fen: number | null
  /** The activity this session is a day of (part 'activity'); null for every other service. */
  activity_id: Generated<string | null>
}

export interface ActivityTable {
  id: string
  facility_id: string
  function_code: string
  title: string
  description: string
  /** Ages in full years on the day, inclusive; null: no bound. */
  min_age: number | null
  max_age: number | null
  /** Who published it; null for the sample district's. */
  created_by: string | null
  created_at: string
  withdrawn_at: string | null
}

export interface MealSetTable {
  id: string
  session_id: string
  name: string
  /** JSON array of dish names. */
  dishes: string
  /** JSON array of tags such as 低盐. */
  tags: string
  price_fen: number
  position: Generated<number>
}

export interface MealSettingsTable {
  facility_id: string
  delivery_fee_fen: number
  delivery_radius_m: number
  delivery_min_age: number
}

export interface SubsidyTierTable {
  id: string
  district_id: string
  function_code: string
  name: string
  min_age: number
  max_age: number | null
  category: string | null
  amount_fen: number
}

export interface BookingTable {
  id: string
  code: string
  booker_user_id: string
  /** null: the booker is the beneficiary. */
  member_id: string | null
  facility_id: string
  function_code: string
  session_id: string
  service_date: string
  status: string
  quantity: number
  details: string
  quote: string
  payable_fen: number
  paid_fen: number | null
  starts_at: string
  cancel_until: string
  /** 1 while staff have still to confirm it (a respite stay for a member without a care level). */
  awaiting_confirmation: Generated<number>
  /** A waitlist offer: the places are held until this instant for the booker to confirm; null once confirmed. */
  offer_expires_at: string | null
  created_at: string
  updated_at: string
}

export interface BookingSessionTable {
  booking_id: string
  session_id: string
  units: number
  /** The class whose places it took (infant care), or null. */
  class_code: string | null
}

export interface SessionClassTable {
  session_id: string
  class_code: string
  capacity: number
  booked: Generated<number>
  price_fen: number
}

export interface CareAgreementTable {
  member_id: string
  facility_id: string
  function_code: string
  agreement_version: string
  health_check_declared_at: string
  created_at: string
}

export interface BookingEventTable {
  id: string
  booking_id: string
  from_status: string | null
  to_status: string
  actor_user_id: string | null
  reason: string | null
  at: string
  /** An undo at the desk: the event it takes back (both stay in the history). */
  undoes_event_id: Generated<string | null>
}

export interface MealSubsidyClaimTable {
  beneficiary: string
  service_date: string
  booking_id: string
}

/**
 * 一人一位: a part of a day (`slot`) of a service a person holds through a live booking. The primary key is the
 * rule: a second booking of the same person, service, day and part cannot be written. Goes when the booking is
 * cancelled; a completed or no-show booking keeps it.
 */
export interface PlaceClaimTable {
  /** `member:<id>` or `user:<id>`, as `beneficiaryKey`. */
  beneficiary: string
  function_code: string
  service_date: string
  slot: string
  booking_id: string
}

/** What one account holds of one session over all its bookings, against `booking_rules.max_units_per_account`. */
export interface AccountSessionUnitsTable {
  user_id: string
  session_id: string
  units: number
}

export interface IdempotencyKeyTable {
  user_id: string
  key: string
  request_hash: string
  status_code: number
  response: string
  created_at: string
}

export interface StaffBindingTable {
  user_id: string
  scope_kind: 'operator' | 'street' | 'district'
  scope_id: string
  granted_by: string
  granted_at: string
}

/** Per district and function: this many no-shows within the window suspend booking for some days. */
export interface NoShowRuleTable {
  district_id: string
  function_code: string
  max_no_shows: number
  window_days: number
  suspend_days: number
}

export interface SuspensionTable {
  id: string
  beneficiary: string
  function_code: string
  reason: string
  starts_at: string
  ends_at: string
  lifted_at: string | null
  lifted_by: string | null
  /** Who was told of it (the booker of the no-show that tipped it); told again when it is lifted. */
  notified_user_id: Generated<string | null>
}

export interface NoticeTable {
  id: string
  user_id: string
  kind: string
  booking_id: string | null
  title: string
  body: string
  fields: string
  created_at: string
  deliver_after: string
  /** pending → sent; skipped (no template, or the resident did not subscribe); dead after the last retry; void
   * when what it announced no longer holds (a reminder for a cancelled booking). */
  delivery: Generated<string>
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  read_at: string | null
  /** The sender instance holding the notice while it sends it, until `claimed_until` (a lease). */
  claimed_by: string | null
  claimed_until: string | null
}

/** A named periodic job's lease: the instance that holds it runs the job's rounds until it expires. */
export interface JobLeaseTable {
  name: string
  holder: string
  expires_at: string
}

/** The WeChat access token every instance uses (server/notices/wechat-access-token.ts). */
export interface WechatAccessTokenTable {
  appid: string
  token: string
  expires_at: string
}

/** The version of data an instance may keep in memory; bumped by whatever changes that data. */
export interface CacheVersionTable {
  name: string
  version: number
}

export interface MealWeekTemplateTable {
  facility_id: string
  /** 0 = Monday … 6 = Sunday. */
  weekday: number
  part: string
  starts: string
  ends: string
  capacity: number
  sets: string
}

export interface WaitlistEntryTable {
  id: string
  user_id: string
  member_id: string | null
  /** member:<id> or user:<id> */
  beneficiary: string
  facility_id: string
  function_code: string
  session_id: string
  /** '' or, for infant care, the child's class on the first day: the queue is per session and class. */
  queue_class: Generated<string>
  /** The booking request, as the resident made it, that an offer books. */
  request: string
  status: string
  booking_id: string | null
  ended_reason: string | null
  created_at: string
  updated_at: string
}

export interface WaitlistNeedTable {
  entry_id: string
  session_id: string
  class_code: Generated<string>
}

export interface InfantCareRateTable {
  facility_id: string
  class_code: string
  /** half_day, hourly or temporary: 全日托 is priced on the session's class. */
  care_type: string
  price_fen: number
}

export interface CareScheduleTable {
  facility_id: string
  /** A CareScheduleCode: infant_care, after_school, holiday_care, day_care, respite. */
  schedule: string
  weeks_ahead: number
}

export interface CareScheduleDayTable {
  facility_id: string
  schedule: string
  /** 0 = Monday … 6 = Sunday. */
  weekday: number
  starts: string
  ends: string
  capacity: number
  price_fen: number
  /** 托育: JSON array of {classCode, capacity, priceFen}. */
  classes: string | null
}

export interface SchoolBreakTable {
  district_id: string
  starts_on: string
  ends_on: string
  name: string
}

export interface PriceChangeTable {
  id: string
  facility_id: string
  function_code: string
  item: string
  label: string
  unit: string
  price_fen: number | null
  previous_fen: number | null
  effective_from: string
  at: string
  user_id: string | null
}

export interface FeedbackTable {
  id: string
  user_id: string
  facility_id: string
  category: string
  text: string
  booking_id: string | null
  /** open, answered, accepted, disputed. */
  status: string
  created_at: string
  due_date: string
  answer: string | null
  answered_at: string | null
  answered_by: string | null
  verdict_at: string | null
}

/** 家政便民 requests (migration 031). */
export interface HomeServiceRequestTable {
  id: string
  user_id: string
  facility_id: string
  service: string
  date: string
  window: string
  address: string
  phone: string
  notes: string | null
  /** requested, accepted, declined, cancelled. */
  status: string
  created_at: string
  /** Accepted: the one-place session made for the visit and the booking placed on it. */
  session_id: string | null
  booking_id: string | null
  /** ISO instant the operator accepted the visit for. */
  visit_at: string | null
  price_fen: number | null
  decline_reason: string | null
  decided_at: string | null
  decided_by: string | null
}

export interface RatingRuleTable {
  district_id: string
  window_days: number
  rectification_working_days: number
}

export interface CalendarDayTable {
  date: string
  /** holiday: no work on a weekday; workday: a weekend day worked (调休). */
  kind: string
  name: string
}

export interface RatingTable {
  id: string
  booking_id: string
  facility_id: string
  function_code: string
  rater_user_id: string
  level: number
  /** Optional since 019: NULL when the resident gave the level only. */
  attitude: number | null
  quality: number | null
  environment: number | null
  price: number | null
  would_use_again: number
  comment: string | null
  service_date: string
  created_at: string
}

export interface RectificationCaseTable {
  id: string
  rating_id: string
  facility_id: string
  /** The service the 差评 was about (the rating's). */
  function_code: string
  status: string
  opened_at: string
  due_date: string
  callback_at: string | null
  callback_note: string | null
  answer: string | null
  answered_at: string | null
  verdict_at: string | null
}

export interface EvaluationSettingsTable {
  district_id: string
  prior_weight: number
  min_ratings: number
  /** 0–1 */
  min_satisfaction: number
  max_overdue: number
  /** To be ranked in a period, a facility × function needs this many bookings (not cancelled) and ratings. */
  rank_min_bookings: Generated<number>
  rank_min_ratings: Generated<number>
}

export interface EvaluationWeightTable {
  district_id: string
  metric: string
  weight: number
}

export interface QualifiedListTable {
  district_id: string
  period: string
  computed_at: string
  body: string
}

/** Counts per facility, function and service day, kept by triggers on bookings and ratings (migration 025). */
export interface ServiceDayCountTable {
  facility_id: string
  function_code: string
  day: string
  /** Placed: not cancelled. */
  bookings: number
  cancelled: number
  completed: number
  no_shows: number
  ratings: number
  /** Rated 3 or more. */
  satisfied: number
  level_sum: number
  again: number
}

export interface SurveyTable {
  id: string
  street_id: string
  title: string
  intro: string | null
  opens_on: string
  closes_on: string
  closed_at: string | null
  created_by: string
  created_at: string
}

export interface SurveyAnswerTable {
  survey_id: string
  user_id: string
  community_id: string
  /** JSON array of function codes. */
  services: string
  /** JSON array of time codes. */
  times: string
  price: string
  text: string | null
  created_at: string
}

export interface AnnouncementTable {
  id: string
  district_id: string
  /** NULL: the whole district. */
  street_id: string | null
  kind: string
  title: string
  body: string
  published_at: string
  until_on: string
  created_by: string
  /** Withdrawn by its publisher: no longer shown (migration 029). */
  withdrawn_at: Generated<string | null>
}

export interface AnnouncementReadTable {
  announcement_id: string
  user_id: string
  read_at: string
}

export interface Database {
  districts: DistrictTable
  streets: StreetTable
  communities: CommunityTable
  operators: OperatorTable
  facilities: FacilityTable
  audit_log: AuditLogTable
  facility_functions: FacilityFunctionTable
  users: UserTable
  auth_sessions: AuthSessionTable
  family_members: FamilyMemberTable
  booking_rules: BookingRuleTable
  sessions: SessionTable
  activities: ActivityTable
  meal_sets: MealSetTable
  meal_settings: MealSettingsTable
  subsidy_tiers: SubsidyTierTable
  bookings: BookingTable
  booking_sessions: BookingSessionTable
  booking_events: BookingEventTable
  meal_subsidy_claims: MealSubsidyClaimTable
  idempotency_keys: IdempotencyKeyTable
  place_claims: PlaceClaimTable
  account_session_units: AccountSessionUnitsTable
  staff_bindings: StaffBindingTable
  no_show_rules: NoShowRuleTable
  suspensions: SuspensionTable
  notices: NoticeTable
  job_leases: JobLeaseTable
  cache_versions: CacheVersionTable
  wechat_access_tokens: WechatAccessTokenTable
  meal_week_templates: MealWeekTemplateTable
  session_classes: SessionClassTable
  care_agreements: CareAgreementTable
  waitlist_entries: WaitlistEntryTable
  waitlist_needs: WaitlistNeedTable
  infant_care_rates: InfantCareRateTable
  care_schedules: CareScheduleTable
  care_schedule_days: CareScheduleDayTable
  school_breaks: SchoolBreakTable
  price_changes: PriceChangeTable
  feedback: FeedbackTable
  home_service_requests: HomeServiceRequestTable
  surveys: SurveyTable
  survey_answers: SurveyAnswerTable
  announcements: AnnouncementTable
  announcement_reads: AnnouncementReadTable
  rating_rules: RatingRuleTable
  calendar_days: CalendarDayTable
  ratings: RatingTable
  service_day_counts: ServiceDayCountTable
  rectification_cases: RectificationCaseTable
  evaluation_settings: EvaluationSettingsTable
  evaluation_weights: EvaluationWeightTable
  qualified_lists: QualifiedListTable
}

export type UserRow = Selectable<UserTable>
export type FamilyMemberRow = Selectable<FamilyMemberTable>
export type SessionRow = Selectable<SessionTable>
export type ActivityRow = Selectable<ActivityTable>
export type MealSetRow = Selectable<MealSetTable>
