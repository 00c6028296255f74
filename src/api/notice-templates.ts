import { noticeTemplatesSchema } from '@shared/notice'
import { apiRequest } from './client'

// Called from 订餐 (a subpackage) only, so the answer is parsed with the contract's schema; the 预约 tab's notices are
// in notices.ts.

export const fetchNoticeTemplates = async (): Promise<string[]> =>
  (await apiRequest(noticeTemplatesSchema, '/notices/templates')).templateIds
