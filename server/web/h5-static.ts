import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import compress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { EMBEDDED_DIRECTORY_ID } from '@shared/first-screen'
import { embedJson } from './embedded-answer'
import { inlineBootScript } from './inline-boot'
import { inlineStylesheet } from './inline-stylesheet'

// File names carrying a content hash (Taro's `[contenthash:8]`, see config/index.ts): their content never changes
// under that name, so a phone keeps them for a year and never asks again. index.html and unhashed files are
// revalidated on every visit, so a new build reaches residents at once.
const HASHED = /\.[0-9a-f]{8}\.(?:js|css)$|^\/static\/.+\.[0-9a-f]{8}\.\w+$/
export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }

/** Whether a path served from the H5 build names a hashed asset that may be cached for good. */
export const isHashedAsset = (path: string): boolean => HASHED.test(path)

/**
 * Compression for every response (API JSON included) — brotli, else gzip — at a level cheap enough to run on each
 * response. Registered before the routes so its hook covers them all.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: BROTLI,
    zlibOptions: { level: 6 },
  })
}

/**
 * The H5 build: files compressed once at build time (`scripts/precompress.mjs` writes `.br` and `.gz` beside them)
 * are sent as they are; hashed assets are cached for a year, everything else revalidated.
 */
export async function registerH5Static(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // The page itself is not a file sent as it is: it carries the directory (h5IndexSender), also at /.
    index: false,
    allowedPath: (path) => path !== '/index.html',
    preCompressed: true,
    cacheControl: false,
    // The path is the file sent: `x.js.br` when its brotli copy goes out.
    setHeaders(res, filePath) {
      const path = (filePath.startsWith(root) ? filePath.slice(root.length) : filePath).replaceAll('\\', '/').replace(/\.(?:br|gz)$/, '')
      const value = isHashedAsset(path) ? IMMUTABLE : REVALIDATE
      res.header('cache-control', value)
    },
  })
}

/**
 * The page: at /, at any page path (browser routing, a shared link), and at /index.html. It arrives with the
 * unfiltered directory as GET /api/facilities answers it now (asked of the app itself, so the answer has one
 * source): the first screen draws its list without another round trip, a third of a second and more on a slow
 * phone. Without the directory (the API failing) the page is sent as built, and the app asks for it. The boot
 * script is written into it (inline-boot.ts).
 * Not-found replies pass no route's compression hook, so the page (a few KB) is compressed here.
 */
export function h5IndexSender(root: string, app: FastifyInstance): (reply: FastifyReply) => Promise<FastifyReply> {
  const index = join(root, 'index.html')
  return async (reply) => {
    const accepts = String(reply.request.headers['accept-encoding'] ?? '')
    const directory = await app.inject({ method: 'GET', url: '/api/facilities' })
    const { html: booted, policy } = inlineBootScript(readFileSync(index, 'utf8'), root, reply.getHeader('content-security-policy'))
    const built = inlineStylesheet(booted, root, policy)
    const page = directory.statusCode === 200 ? embedJson(built, EMBEDDED_DIRECTORY_ID, directory.body) : built
    if (typeof policy === 'string') reply.header('content-security-policy', policy)
    reply.header('cache-control', REVALIDATE).header('vary', 'accept-encoding').type('text/html; charset=utf-8')
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(brotliCompressSync(page, BROTLI))
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(gzipSync(page))
    return reply.send(page)
  }
}
