import { together } from '../../server/db/together'

const settleIn = <T>(ms: number, outcome: () => T) => new Promise<T>((resolve) => setTimeout(resolve, ms)).then(outcome)

describe('statements run together', () => {
  it('answers each in the order given, whatever order they finish in', async () => {
    await expect(together([settleIn(20, () => 'first'), settleIn(0, () => 2), true])).resolves.toEqual(['first', 2, true])
  })

  it('throws the first refusal in the order given, not the first to arrive', async () => {
    const refused = together([
      settleIn(20, () => {
        throw new Error('suspended')
      }),
      settleIn(0, () => {
        throw new Error('already booked')
      }),
    ])
    await expect(refused).rejects.toThrow('suspended')
  })

  it('settles every one before it answers, so nothing runs on after a refusal', async () => {
    let finished = false
    const refused = together([
      Promise.reject(new Error('closed')),
      settleIn(20, () => {
        finished = true
      }),
    ])
    await expect(refused).rejects.toThrow('closed')
    expect(finished).toBe(true)
  })
})
