import {
  type FamilyMember,
  type MemberUpdate,
  familyMemberSchema,
  type memberCreateSchema,
  memberListSchema,
} from '@shared/member'
import { z } from 'zod'
import { apiRequest } from './client'
import { withSession } from './session'

export type MemberDraft = z.input<typeof memberCreateSchema>

export const fetchMembers = (): Promise<FamilyMember[]> =>
  withSession(async (token) => (await apiRequest(memberListSchema, '/me/members', { token })).members)

export const fetchMember = (id: string): Promise<FamilyMember> =>
  withSession((token) => apiRequest(familyMemberSchema, `/me/members/${encodeURIComponent(id)}`, { token }))

export const createMember = (draft: MemberDraft): Promise<FamilyMember> =>
  withSession((token) => apiRequest(familyMemberSchema, '/me/members', { method: 'POST', body: draft, token }))

export const updateMember = (id: string, patch: MemberUpdate): Promise<FamilyMember> =>
  withSession((token) =>
    apiRequest(familyMemberSchema, `/me/members/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, token }),
  )

export const deleteMember = (id: string): Promise<void> =>
  withSession(async (token) => {
    await apiRequest(z.unknown(), `/me/members/${encodeURIComponent(id)}`, { method: 'DELETE', token })
  })
