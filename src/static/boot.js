// Runs first, from <head>, before the app (config/route-preloads.ts builds it into js/boot.<hash>.js and appends the
// call at the end with the build's map of routes). Written for the oldest phones the build supports.

// Taro H5 sizes everything in rem: root font size = 40 * viewport width / 750, within 20–40 px.
!(function (n) {
  function f() {
    var e = n.document.documentElement
    // The viewport's shorter side (a phone held sideways keeps its text size). Not the root element's box: in <head>
    // its height is the document's, still a few pixels, which sized the first screen at 20 px and then, when the
    // page grew, redrew everything 10% larger — the whole page jumped a second after it appeared.
    var w = Math.min.apply(Math, [e.clientWidth || n.innerWidth, n.innerHeight].filter(Boolean))
    var x = (40 * w) / 750
    e.style.fontSize = x >= 40 ? '40px' : x <= 20 ? '20px' : x + 'px'
  }
  n.addEventListener('resize', function () {
    f()
    setTimeout(f, 500)
  })
  f()
})(window)

// The page the address names (the first tab when it names none) is fetched now, beside app.js, instead of after
// the app has started and its router has read the address: one round trip less before the page draws.
// The map stays on window for the app, which later fetches the other pages' files too (src/lib/preload-pages.ts).
function doorstepPreloadRoute(map) {
  window.doorstepRoutes = map
  var route = location.hash.replace(/^#\/?/, '').split('?')[0] || map.first
  var files = map.routes[route] || []
  for (var i = 0; i < files.length; i++) {
    var link = document.createElement('link')
    link.rel = 'preload'
    link.as = /\.css$/.test(files[i]) ? 'style' : 'script'
    link.href = map.base + files[i]
    document.head.appendChild(link)
  }
}
