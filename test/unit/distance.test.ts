import { distanceMetres } from '../../server/facilities/distance'

describe('distanceMetres', () => {
  it('is zero for the same point', () => {
    expect(distanceMetres({ lat: 34.66, lng: 109.23 }, { lat: 34.66, lng: 109.23 })).toBe(0)
  })

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(distanceMetres({ lat: 34, lng: 109 }, { lat: 35, lng: 109 })).toBeCloseTo(111_195, -1)
  })

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const atYanliang = distanceMetres({ lat: 34.66, lng: 109 }, { lat: 34.66, lng: 110 })
    expect(atYanliang).toBeCloseTo(111_195 * Math.cos((34.66 * Math.PI) / 180), -2)
  })

  it('is symmetric and handles the antimeridian and poles', () => {
    const a = { lat: 10, lng: 179.9 }
    const b = { lat: 10, lng: -179.9 }
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6)
    expect(distanceMetres(a, b)).toBeLessThan(25_000)
    expect(distanceMetres({ lat: 90, lng: 0 }, { lat: -90, lng: 0 })).toBeCloseTo(Math.PI * 6_371_008.8, 0)
  })
})
