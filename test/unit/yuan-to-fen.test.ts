import { yuanToFen } from '../../src/lib/money'

describe('a price typed in yuan', () => {
  it.each([
    ['32', 3200],
    ['32.5', 3250],
    [' 32.50 ', 3250],
    ['0', 0],
  ])('reads %j as %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen)
  })

  it.each(['', '12.345', 'abc', '-5', '3２', '1e3'])('refuses %j', (text) => {
    expect(yuanToFen(text)).toBeNull()
  })
})
