// After `taro build --type h5`: writes brotli (best) and gzip copies of the build's text files beside them, so the
// server sends them compressed without compressing on every request (server/web/h5-static.ts).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = process.argv[2] ?? 'dist/h5'
const TEXT = /\.(?:js|css|html|json|svg|txt)$/
let files = 0
let before = 0
let after = 0

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full)
    else if (TEXT.test(name) && statSync(full).size >= 1024) {
      const content = readFileSync(full)
      const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      writeFileSync(`${full}.br`, br)
      writeFileSync(`${full}.gz`, gzipSync(content, { level: 9 }))
      files++
      before += content.length
      after += br.length
    }
  }
}

walk(root)
console.log(`precompressed ${files} files in ${root}: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB brotli`)
