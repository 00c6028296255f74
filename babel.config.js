// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
//
// Both builds are compiled for the JavaScript engines the app has always needed, not to ES5. zod and uqr ship
// ES2020+ syntax (`?.`, `??`, class fields) that is not compiled (node_modules are not), and every page that books
// loads them: on an engine older than iOS 13.4's JavaScriptCore or Chrome 80's V8 the app cannot book, in WeChat
// (project.config.json: es6 false, the code runs as it is) or in a browser. ES5 only made our own code larger and
// slower to start (async functions through regenerator, classes and spread through helpers): the WeChat main package
// must stay ≤ 350 KB, and on a slow phone's browser the H5 pages drew about 0.1 s later (Lighthouse, simulated).
// package.json's browserslist says the same for the CSS.
const modernEngines = { ios: '13.4', chrome: '80' }

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: modernEngines }]],
}
