// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
//
// Both builds are compiled for the engines the app's packages already need, not to ES5: node_modules are not
// compiled, and Taro's router (query-string: `&&=`, `replaceAll`, on every page) needs Chrome 85 / Safari 14, uqr
// (the check-in QR code) a static class field, Safari 14.1; zod `?.` and `??`. Below those engines the app never
// started, in WeChat (project.config.json: es6 false, the code runs as it is) or in a browser. ES5 only made our own
// code larger and slower to start (async functions through regenerator, classes and spread through helpers): the
// WeChat main package must stay ≤ 350 KB, and on a slow phone's browser the H5 pages drew about 0.1 s later
// (Lighthouse, simulated). Our own code uses no built-in newer than these (`Array#at` is not used, for iOS < 15.4).
// package.json's browserslist says the same for the CSS.
const engines = { ios: '14.5', chrome: '85' }

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: engines }]],
}
