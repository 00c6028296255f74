import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeWechat {
  base: string
  /** Query strings jscode2session was called with, to check what was sent. */
  calls: URLSearchParams[]
  /** Access tokens handed out by /cgi-bin/token, in order. */
  tokens: string[]
  /** Subscribe messages received, with the token they came with. */
  sent: { token: string | null; message: Record<string, unknown> }[]
  /**
   * What the next subscribe-message calls answer, in order: an HTTP status (500 …) or a JSON body
   * ({errcode: 40001}); when empty, {errcode: 0}. A token not handed out (or revoked) gets errcode 40001.
   */
  script: (number | Record<string, unknown>)[]
  /** Makes every token handed out so far invalid, as when WeChat expires it early. */
  revokeTokens(): void
  close(): Promise<void>
}

/**
 * A stand-in for api.weixin.qq.com on loopback. The code decides the answer:
 * `ok-<openid>` logs in, `err-<errcode>` fails with that errcode, `slow` never answers in time.
 */
export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: URLSearchParams[] = []
  const tokens: string[] = []
  const revoked = new Set<string>()
  const sent: FakeWechat['sent'] = []
  const script: FakeWechat['script'] = []
  const json = (res: import('node:http').ServerResponse, body: object) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/cgi-bin/token') {
      const token = `tok-${tokens.length + 1}`
      tokens.push(token)
      json(res, { access_token: token, expires_in: 7200 })
      return
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      let raw = ''
      req.on('data', (chunk) => {
        raw += chunk
      })
      req.on('end', () => {
        const token = url.searchParams.get('access_token')
        if (!token || !tokens.includes(token) || revoked.has(token)) {
          json(res, { errcode: 40001, errmsg: 'invalid credential' })
          return
        }
        const next = script.shift() ?? { errcode: 0, errmsg: 'ok' }
        if (typeof next === 'number') {
          res.writeHead(next).end()
          return
        }
        if (!next.errcode) sent.push({ token, message: JSON.parse(raw) })
        json(res, next)
      })
      return
    }
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end()
      return
    }
    calls.push(url.searchParams)
    const code = url.searchParams.get('js_code') ?? ''
    const send = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (code.startsWith('ok-')) send({ openid: code.slice(3), session_key: `sk-${code}` })
    else if (code.startsWith('err-')) send({ errcode: Number(code.slice(4)), errmsg: 'fake error' })
    else if (code === 'slow') setTimeout(() => send({ openid: 'late', session_key: 'late' }), 2000)
    else send({ errcode: 40029, errmsg: 'invalid code' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    calls,
    tokens,
    sent,
    script,
    revokeTokens: () => {
      for (const t of tokens) revoked.add(t)
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
