import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeWechat {
  base: string
  /** Query strings jscode2session was called with, to check what was sent. */
  calls: URLSearchParams[]
  close(): Promise<void>
}

/**
 * A stand-in for api.weixin.qq.com on loopback. The code decides the answer:
 * `ok-<openid>` logs in, `err-<errcode>` fails with that errcode, `slow` never answers in time.
 */
export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: URLSearchParams[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
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
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
