import type { NoticeTemplates } from '@shared/notice'
import { apiRequest, serverChecked } from './client'

// Called from 订餐, which loads no zod: the answer is read with `serverChecked`. The 预约 tab's notices are in notices.ts.

export const fetchNoticeTemplates = async (): Promise<string[]> =>
  (await apiRequest(serverChecked<NoticeTemplates>(), '/notices/templates')).templateIds
