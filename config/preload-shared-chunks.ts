import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compiler } from 'webpack'

/**
 * H5: every page needs the shared chunks (`vendors`, `common`), but the browser learns of them only after app.js has
 * been downloaded and run and the router asks for the first page — one more round trip on a slow phone before the
 * first screen. Naming them in index.html as preloads fetches them beside app.js.
 */
export class PreloadSharedChunks {
  constructor(private readonly chunkNames: string[]) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadSharedChunks', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PreloadSharedChunks', (groups) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        const files = this.chunkNames.flatMap((name) => [...(compilation.namedChunks.get(name)?.files ?? [])])
        const links = files
          .filter((file) => /\.(js|css)$/.test(file))
          .map((file) =>
            // Low priority: after app.js, which the browser would otherwise fetch last (a preload outranks a deferred script).
            HtmlWebpackPlugin.createHtmlTagObject('link', {
              rel: 'preload',
              as: file.endsWith('.css') ? 'style' : 'script',
              href: `${publicPath}${file}`,
              fetchpriority: 'low',
            }),
          )
        groups.headTags.push(...links)
        return groups
      })
    })
  }
}
