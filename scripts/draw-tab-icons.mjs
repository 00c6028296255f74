// Draws the tab bar icons (81×81 PNG, WeChat's recommended size, well under its 40 KB limit) as plain shapes, each in
// the tab bar's colour and its selected colour: node scripts/draw-tab-icons.mjs writes src/static/tabbar/.
// No image library: shapes are signed distances, antialiased over one pixel, written as an RGBA PNG with zlib.
import { mkdirSync, writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const OUT = 'src/static/tabbar'
// app.config.ts tabBar: color / selectedColor.
const COLORS = { normal: [0x4a, 0x4a, 0x4a], selected: [0x0f, 0x6b, 0x4f] }

const box = (x0, y0, x1, y1, r = 0) => (x, y) => {
  const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r
  const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r
const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)))
const minus = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y))
/** A triangle pointing up: apex (cx, top), base from left to right at y = bottom. */
const roof = (cx, top, left, right, bottom) => (x, y) => {
  const half = (right - left) / 2
  const slope = half / (bottom - top)
  const edge = (Math.abs(x - cx) - slope * (y - top)) / Math.hypot(1, slope)
  return Math.max(edge, y - bottom, top - y)
}
const line = (ax, ay, bx, by, width) => (x, y) => {
  const [px, py, vx, vy] = [x - ax, y - ay, bx - ax, by - ay]
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)))
  return Math.hypot(px - t * vx, py - t * vy) - width / 2
}

const ICONS = {
  // 服务: a house with a door.
  home: minus(union(roof(40.5, 10, 8, 73, 38), box(18, 34, 63, 70, 3)), box(34, 48, 47, 71, 2)),
  // 预约: a calendar with two rings and a tick.
  bookings: union(
    minus(box(12, 17, 69, 70, 6), box(18, 32, 63, 64, 2)),
    box(23, 9, 30, 24, 3),
    box(51, 9, 58, 24, 3),
    line(29, 48, 37, 56, 5),
    line(37, 56, 52, 40, 5),
  ),
  // 我的: a person, head and shoulders.
  profile: union(circle(40.5, 26, 14), minus(circle(40.5, 76, 30), box(0, 71, 81, 81))),
}

function png(shape, [r, g, b]) {
  const rows = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let x = 0; x < SIZE; x++) {
      const d = shape(x + 0.5, y + 0.5)
      const alpha = Math.round(Math.max(0, Math.min(1, 0.5 - d)) * 255)
      row.set([r, g, b, alpha], 1 + x * 4)
    }
    rows.push(row)
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = `${OUT}/${name}${state === 'selected' ? '-selected' : ''}.png`
    const data = png(shape, color)
    writeFileSync(file, data)
    console.log(`${file}: ${data.length} bytes`)
  }
}
