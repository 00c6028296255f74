import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compiler } from 'webpack'
import { EARLY_ANSWERS } from './early-answers'

/**
 * H5: a page's own code is asked for only once app.js has been downloaded and run and the router has read the
 * address — one more round trip on a slow phone, after the app's, before the page can draw. The rem sizing script
 * has to run first in <head> anyway; built here (src/static/boot.js) with a map of each route's files, it also reads
 * the address and preloads that page's files beside app.js, and asks for the public answers the page draws first
 * (EARLY_ANSWERS).
 */
export class RoutePreloads {
  constructor(private readonly options: { bootSource: string; firstPage: string }) {}

  apply(compiler: Compiler): void {
    const { RawSource } = compiler.webpack.sources
    compiler.hooks.compilation.tap('RoutePreloads', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('RoutePreloads', (groups) => {
        // What index.html already names (app.js, the shared chunks' preloads) is fetched anyway.
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        const named = new Set([...groups.headTags, ...groups.bodyTags].map((tag) => String(tag.attributes.src ?? tag.attributes.href ?? '')))
        const routes: Record<string, string[]> = {}
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue
          for (const origin of group.origins) {
            const route = /\.\/((?:pages|packages)\/[\w/-]+\/index)(?:\.\w+)?$/.exec(origin.request ?? '')?.[1]
            if (route) routes[route] = [...new Set(group.getFiles())].filter((file) => /\.(js|css)$/.test(file) && !named.has(`${publicPath}${file}`))
          }
        }
        const map = { base: publicPath, first: this.options.firstPage, routes }
        const source = [
          readFileSync(this.options.bootSource, 'utf8'),
          `doorstepPreloadRoute(${JSON.stringify(map)})`,
          `doorstepFetchEarly(${JSON.stringify(EARLY_ANSWERS)})`,
          '',
        ].join('\n')
        const name = `js/boot.${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`
        compilation.emitAsset(name, new RawSource(source))
        groups.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject('script', { src: `${publicPath}${name}` }))
        return groups
      })
    })
  }
}
