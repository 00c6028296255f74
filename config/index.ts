import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { PreloadSharedChunks } from './preload-shared-chunks'
import { RoutePreloads } from './route-preloads'
import { usedBy } from './used-by'

const root = path.resolve(__dirname, '..')
const FIRST_PAGE_MODULE = path.join(root, 'src/pages/facilities/index.tsx')

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'doorstep',
    date: '2026-11-27',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp and H5 builds side by side: neither overwrites the other.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.join(root, 'config/plugins/aria.ts')],
    defineConstants: {},
    alias: {
      '@': path.join(root, 'src'),
      '@shared': path.join(root, 'types'),
    },
    framework: 'react',
    // Taro's minifier for WeChat writes every Chinese character as \uXXXX (6 bytes instead of UTF-8's 3), which cost
    // the main package about 4 KB of its 350. WeChat reads package files as UTF-8 (its WXML and JSON carry the same
    // text unescaped), so the literal characters are kept.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    // WeChat: base.wxml repeats every component's template once per level of nesting (its templates cannot recurse);
    // deeper nodes go on in Taro's recursive comp component. The deepest page rendered by the WeChat build
    // (设施详情) nests 7 components and their text: 10 levels keep every page in templates, and base.wxml is 52 KB
    // instead of the 73 KB of Taro's 16 (the main package must stay ≤ 350 KB).
    baseLevel: 10,
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
      // types/ sits beside src/: it must go through babel too.
      compile: { include: [path.join(root, 'types')] },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [path.join(root, 'types')] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Taro splits only the initial chunks, so every page's chunk carried its own copy of zod, the API client and
      // the shared components (about 200 KB each). The app fetches every page's code after start (so pages open
      // without the network): share what pages have in common instead of fetching it sixteen times.
      webpackChain(chain) {
        // Taro names no shared chunk in production, so every set of modules two pages share became a chunk of its
        // own: the first screen waited for five waves of small files. Three named chunks — Taro, the libraries, the
        // app's shared code — load in one wave, the last two preloaded from index.html.
        const split = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...split,
          chunks: 'all',
          cacheGroups: {
            ...split.cacheGroups,
            common: { ...split.cacheGroups.common, name: 'common' },
            // The app's shared code the first screen uses, apart: `common` was 87 % code of other pages that the first
            // screen downloaded and ran before it could draw (Lighthouse: 24 of its 28 KB unused there).
            first: { ...split.cacheGroups.common, name: 'first', priority: 5, test: usedBy(FIRST_PAGE_MODULE) },
            vendors: { ...split.cacheGroups.vendors, name: 'vendors' },
            // zod on its own: the tab pages read their answers unparsed (serverChecked) and need none of its 90 KB,
            // which the first screen otherwise downloaded and evaluated with Taro's request polyfills.
            zod: { test: /[\\/]node_modules[\\/]zod[\\/]/, name: 'zod', chunks: 'all', priority: 20, enforce: true },
            taro: { ...split.cacheGroups.taro, name: 'taro' },
            // All the app's CSS in one stylesheet (about 7 KB compressed), linked from index.html: each page's few
            // hundred bytes of CSS were a request of their own, and on HTTP/1.1's six connections every request
            // before the first screen could draw cost a round trip.
            styles: { name: 'styles', type: 'css/mini-extract', chunks: 'all', enforce: true, priority: 200 },
          },
        })
        chain.plugin('preload-shared-chunks').use(PreloadSharedChunks, [['vendors', 'first']])
        // Served as a file rather than inline in index.html, so it passes a strict CSP.
        chain.plugin('route-preloads').use(RoutePreloads, [{ bootSource: path.join(root, 'src/static/boot.js'), firstPage: 'pages/facilities/index' }])
      },
    },
  }
  return config
})
