import { type AccountExport, accountExportSchema } from '@shared/account'
import { z } from 'zod'
import { saveSession, setSignedOut } from '@/stores/session'
import { apiRequest } from './client'
import { withSession } from './session'

export const fetchMyData = (): Promise<AccountExport> => withSession((token) => apiRequest(accountExportSchema, '/me/export', { token }))

/** 注销账号: the server deletes it (or says why not); this device then forgets the session and stays signed out. */
export async function deleteMyAccount(): Promise<void> {
  await withSession((token) => apiRequest(z.unknown(), '/me/deletion', { method: 'POST', body: { confirm: true }, token }))
  saveSession(null)
  setSignedOut(true)
}
