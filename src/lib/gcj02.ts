/**
 * WGS-84 → GCJ-02. A browser's geolocation (and Taro's H5 `getLocation`, which supports only `wgs84`) gives
 * WGS-84; WeChat's maps, `chooseLocation` and the facility positions the API stores are GCJ-02, the datum every
 * map published in China must use. The two differ by a few hundred metres here, enough to sort the wrong
 * facility first or put a delivery outside its radius. GCJ-02 applies only in mainland China: a point outside
 * it is left as it is.
 *
 * The published transform (Krasovsky 1940 ellipsoid and the offset polynomials every open implementation uses).
 */
export interface LatLng {
  lat: number
  lng: number
}

const A = 6378245.0
const EE = 0.006693421622965943

type Box = readonly [south: number, west: number, north: number, east: number]

// Where GCJ-02 applies, as boxes of the mainland minus the neighbours' corners they would take in (the box list
// open implementations share; coarse at borders, exact enough for a district's residents).
const MAINLAND: Box[] = [
  [42.8899, 79.4462, 49.2204, 96.33],
  [39.3742, 109.6872, 54.1415, 135.0002],
  [29.5297, 73.1246, 42.8899, 124.143255],
  [26.7186, 82.9684, 29.5297, 97.0352],
  [20.414096, 97.0253, 29.5297, 124.367395],
  [17.871542, 107.975793, 20.414096, 111.744104],
]
const NOT_MAINLAND: Box[] = [
  [21.785006, 119.921265, 25.398623, 122.497559],
  [20.0988, 101.8652, 22.284, 106.665],
  [20.4878, 106.4525, 21.5422, 108.051],
  [50.3257, 109.0323, 55.8175, 119.127],
  [49.5574, 127.4568, 55.8175, 137.0227],
  [42.5692, 131.2662, 44.8922, 137.0227],
]
const inBox = ({ lat, lng }: LatLng, [south, west, north, east]: Box) => lat >= south && lat <= north && lng >= west && lng <= east

export function isInChina(point: LatLng): boolean {
  return MAINLAND.some((box) => inBox(point, box)) && !NOT_MAINLAND.some((box) => inBox(point, box))
}

export function wgs84ToGcj02(point: LatLng): LatLng {
  if (!isInChina(point)) return point
  const { lat, lng } = point
  const x = lng - 105.0
  const y = lat - 35.0
  const radLat = (lat / 180.0) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) ** 2
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (latOffset(x, y) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (lngOffset(x, y) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

/** The short-wave term both offsets share. */
const waves = (x: number): number => ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0

function latOffset(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += waves(x)
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return ret
}

function lngOffset(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += waves(x)
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return ret
}
