import { devLoginBodySchema, facilityListQuerySchema, functionCodeSchema } from '@shared/index'

describe('facility list query', () => {
  const parse = (q: Record<string, string>) => facilityListQuerySchema.safeParse(q)

  it('turns decimal strings into numbers', () => {
    expect(parse({ lat: '34.66', lng: '-109.5' })).toMatchObject({ success: true, data: { lat: 34.66, lng: -109.5 } })
    expect(parse({ lat: '90', lng: '180' }).success).toBe(true)
    expect(parse({ lat: '-90', lng: '-180' }).success).toBe(true)
  })

  it.each([
    [{ lat: '90.0001', lng: '1' }, 'lat'],
    [{ lat: '1', lng: '-180.5' }, 'lng'],
    [{ lat: '', lng: '1' }, 'lat'],
    [{ lat: ' 1', lng: '1' }, 'lat'],
    [{ lat: '0x10', lng: '1' }, 'lat'],
    [{ lat: 'Infinity', lng: '1' }, 'lat'],
    [{ lat: '1' }, 'lng'],
    [{ lng: '1' }, 'lng'],
    [{ function: 'MEAL' }, 'function'],
    [{ extra: 'x' }, ''],
  ])('refuses %j at %s', (query, path) => {
    const result = parse(query)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path.join('.')).toBe(path)
  })

  it('knows exactly the nine function codes', () => {
    expect(functionCodeSchema.options).toHaveLength(9)
    expect(functionCodeSchema.safeParse('meal').success).toBe(true)
    expect(functionCodeSchema.safeParse('meals').success).toBe(false)
  })
})

describe('development login body', () => {
  it('keeps identities to a safe alphabet and a known role', () => {
    expect(devLoginBodySchema.safeParse({ openid: 'h5-abc_DEF-1' }).success).toBe(true)
    expect(devLoginBodySchema.safeParse({ openid: 'a'.repeat(65) }).success).toBe(false)
    expect(devLoginBodySchema.safeParse({ openid: '王' }).success).toBe(false)
    expect(devLoginBodySchema.safeParse({ openid: 'x', role: 'root' }).success).toBe(false)
  })
})
