// The API serving dist/h5 on a fresh SQLite file, in its own process (Lighthouse measures from the bench's process).
// Prints one JSON line {base}, then serves until SIGTERM.
import { serveApp } from '../test/support/served-app'

serveApp().then((served) => {
  console.log(JSON.stringify({ base: served.baseUrl }))
  process.on('SIGTERM', () => {
    served.close().finally(() => process.exit(0))
  })
})
