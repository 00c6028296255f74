/**
 * For a describe block: the process runs in `zone` (Node reads TZ again whenever it changes), then as before. What
 * a server rule or a screen shows for a day must not depend on it.
 */
export function useTimeZone(zone: string): void {
  const saved = process.env.TZ
  beforeAll(() => {
    process.env.TZ = zone
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  })
}
