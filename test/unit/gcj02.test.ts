import { isInChina, wgs84ToGcj02 } from '@/lib/gcj02'
import { distanceMetres } from '../../server/facilities/distance'

describe('WGS-84 to GCJ-02', () => {
  it('gives the published result for Beijing (wandergis/coordtransform)', () => {
    const shifted = wgs84ToGcj02({ lat: 39.915, lng: 116.404 })
    expect(shifted.lat).toBeCloseTo(39.91640428150164, 10)
    expect(shifted.lng).toBeCloseTo(116.41024449916938, 10)
  })

  // gcoord's fixture of Chinese cities: the WGS-84 position and the GCJ-02 one a Chinese map service gave for the
  // same place, to 7 decimals. The service adds its own sub-metre noise, so within a metre is a match.
  it.each([
    ['西安市', { lat: 34.3431382, lng: 108.9351301 }, { lat: 34.3415801, lng: 108.9397792 }],
    ['渭南市', { lat: 34.5013071, lng: 109.5046284 }, { lat: 34.5000003, lng: 109.5097944 }],
    ['铜川市', { lat: 34.8978469, lng: 108.9405327 }, { lat: 34.8967592, lng: 108.9452414 }],
  ])('moves %s to within a metre of where Chinese maps show it', (_name, wgs, gcj) => {
    expect(distanceMetres(wgs, gcj)).toBeGreaterThan(400)
    expect(distanceMetres(wgs84ToGcj02(wgs), gcj)).toBeLessThan(1)
  })

  it('shifts a point in 阎良 by some hundreds of metres, east and a little south', () => {
    const here = { lat: 34.66, lng: 109.23 }
    const shifted = wgs84ToGcj02(here)
    expect(shifted.lng - here.lng).toBeGreaterThan(0.004)
    expect(shifted.lng - here.lng).toBeLessThan(0.006)
    expect(shifted.lat - here.lat).toBeLessThan(0)
    expect(shifted.lat - here.lat).toBeGreaterThan(-0.003)
  })

  it.each([
    ['Tokyo', { lat: 35.6812, lng: 139.7671 }],
    ['Ulaanbaatar', { lat: 47.9184, lng: 106.9177 }],
    ['Singapore', { lat: 1.2903, lng: 103.852 }],
    ['Berlin', { lat: 52.52, lng: 13.405 }],
    ['the south Pacific', { lat: -33.86, lng: 151.21 }],
  ])('leaves a point outside China where it is (%s)', (_name, point) => {
    expect(isInChina(point)).toBe(false)
    expect(wgs84ToGcj02(point)).toEqual(point)
  })

  it('counts the district as in China', () => {
    expect(isInChina({ lat: 34.66, lng: 109.23 })).toBe(true)
  })
})
