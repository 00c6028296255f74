export default defineAppConfig({
  pages: ['pages/facilities/index', 'pages/bookings/index', 'pages/profile/index'],
  // Everything that is not a tab lives in a subpackage, keeping the main package small (≤ 2 MB each).
  subPackages: [
    { root: 'packages/facility', pages: ['detail/index', 'qualified/index', 'feedback/index', 'function/index', 'home-service/index'] },
    { root: 'packages/meal', pages: ['order/index'] },
    { root: 'packages/booking', pages: ['detail/index', 'rate/index'] },
    { root: 'packages/member', pages: ['edit/index', 'my-data/index', 'privacy/index', 'child-privacy/index', 'feedback/index', 'surveys/index', 'survey/index', 'community/index'] },
    { root: 'packages/care', pages: ['infant/index', 'respite/index', 'after-school/index', 'day-care/index', 'activity/index'] },
    // Staff pages: never linked for residents, and every call behind them is checked on the server.
    { root: 'packages/staff', pages: ['index/index', 'desk/index', 'cases/index', 'evaluation/index', 'facilities/index'] },
  ],
  // Fetch the subpackages a tab leads to while the resident reads the tab, so the next tap opens at once.
  preloadRule: {
    'pages/facilities/index': { network: 'all', packages: ['packages/facility', 'packages/meal', 'packages/care'] },
    'pages/bookings/index': { network: 'all', packages: ['packages/booking'] },
    'pages/profile/index': { network: 'all', packages: ['packages/member'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0f6b4f',
    navigationBarTitleText: '家门口',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f5',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#0f6b4f',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // Icons drawn by scripts/draw-tab-icons.mjs (81×81, under 1 KB each; WeChat allows 40 KB), in color and selectedColor.
      { pagePath: 'pages/facilities/index', text: '服务', iconPath: 'static/tabbar/home.png', selectedIconPath: 'static/tabbar/home-selected.png' },
      { pagePath: 'pages/bookings/index', text: '预约', iconPath: 'static/tabbar/bookings.png', selectedIconPath: 'static/tabbar/bookings-selected.png' },
      { pagePath: 'pages/profile/index', text: '我的', iconPath: 'static/tabbar/profile.png', selectedIconPath: 'static/tabbar/profile-selected.png' },
    ],
  },
  // Location is asked only when the resident taps 「按距离排序」 or picks where a meal is delivered.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的社区服务设施，以及确定送餐位置' },
  },
  __usePrivacyCheck__: true,
  // H5 only: Taro's slide animation leaves a timer that re-hides the list when a resident goes back
  // within its 300 ms (a blank page); plain page switches avoid that and suit 长辈版 anyway.
  animation: false,
})
