import { fetchAdminFacilities, fetchAudit, fetchRules } from '@/api/admin'
import { saveSession } from '@/stores/session'
import { mockRequest } from '../ui/taro-api'
import { SIGNED_IN } from './answers'

type Call = { url: string }

// A screen that loads several things at once signs in once: the server keeps a few sessions per person and ends the
// oldest, so eight sign-ins in one moment would end the sessions the other calls are still using.
it('signs in once for calls made together, and every call carries that one session', async () => {
  saveSession(null)
  const tokens = new Set<string>()
  mockRequest.mockImplementation((call: Call & { header: Record<string, string> }) => {
    const path = call.url.split('?')[0]
    if (path === '/api/auth/dev') return new Promise((resolve) => setTimeout(() => resolve(SIGNED_IN), 20))
    tokens.add(call.header.authorization)
    return Promise.resolve({ statusCode: 403, data: { error: { code: 'forbidden', message: '仅限街道和区级工作人员使用' } } })
  })
  const answers = await Promise.allSettled([fetchAdminFacilities(), fetchAudit(), fetchRules()])
  expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected'])
  const signIns = mockRequest.mock.calls.filter(([c]) => (c as Call).url.startsWith('/api/auth/dev'))
  expect(signIns).toHaveLength(1)
  expect([...tokens]).toEqual([`Bearer ${'t'.repeat(43)}`])
})
