const EARTH_RADIUS_M = 6_371_008.8

export interface Position {
  lat: number
  lng: number
}

/** Great-circle distance in metres (haversine); within a district its error is far below a metre. */
export function distanceMetres(a: Position, b: Position): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
