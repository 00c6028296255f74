import { randomUUID } from 'node:crypto'
import { load, withTarget } from './load'
withTarget('booking', 'sqlite', async (t) => {
  let turn = 0
  const people = t.residents!
  for (const connections of [16, 64]) {
    await fetch(`${t.base}/__stats`)
    const r = await load(`c${connections}`, { url: `${t.base}/api/bookings`, method: 'POST', connections, seconds: 4, expected: [201], request: () => {
      const p = people[turn++ % people.length]
      return { headers: { authorization: p.authorization, 'idempotency-key': randomUUID() }, body: JSON.stringify({ sessionId: t.big!.id, memberId: p.memberId, meal: { setId: t.big!.setId, fulfilment: 'dine_in' } }) }
    } }, false)
    console.log(await (await fetch(`${t.base}/__stats`)).text())
    console.log('client', connections, Math.round(r.rps), r.p50, r.p99, r.errors)
  }
}).then(() => process.exit(0))
