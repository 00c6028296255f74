// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
//
// WeChat: compiled for the JavaScript engines the mini-program has always needed, not to ES5 for package.json's
// browserslist (the H5 build's). zod and uqr ship ES2020+ syntax (`?.`, `??`, class fields) that is not compiled
// (node_modules are not), and WeChat runs the code as it is (project.config.json: es6 false): on an engine older
// than iOS 13.4's JavaScriptCore or Chrome 80's V8 the app never started. ES5 only made our own code larger
// (async functions through regenerator, classes and spread through helpers): the main package must stay ≤ 350 KB.
const weappTargets = { ios: '13.4', chrome: '80' }

module.exports = {
  presets: [
    ['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(process.env.TARO_ENV === 'weapp' ? { targets: weappTargets } : {}) }],
  ],
}
