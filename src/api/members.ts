import type { FamilyMember, MemberUpdate, memberCreateSchema } from '@shared/member'
import type { z } from 'zod'
import { apiRequest, noContent, serverChecked } from './client'
import { withSession } from './session'

// Read by the booking pages (who it is for), which load no zod: answers are read with `serverChecked`.

export type MemberDraft = z.input<typeof memberCreateSchema>

const member = serverChecked<FamilyMember>()

export const fetchMembers = (): Promise<FamilyMember[]> =>
  withSession(async (token) => (await apiRequest(serverChecked<{ members: FamilyMember[] }>(), '/me/members', { token })).members)

export const fetchMember = (id: string): Promise<FamilyMember> =>
  withSession((token) => apiRequest(member, `/me/members/${encodeURIComponent(id)}`, { token }))

export const createMember = (draft: MemberDraft): Promise<FamilyMember> =>
  withSession((token) => apiRequest(member, '/me/members', { method: 'POST', body: draft, token }))

export const updateMember = (id: string, patch: MemberUpdate): Promise<FamilyMember> =>
  withSession((token) => apiRequest(member, `/me/members/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, token }))

export const deleteMember = (id: string): Promise<void> =>
  withSession((token) => apiRequest(noContent(), `/me/members/${encodeURIComponent(id)}`, { method: 'DELETE', token }))
