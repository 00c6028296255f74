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

// The public answers the page draws first (config/early-answers.ts), asked for now, beside the app's
// code, instead of once the code has arrived and run: on a slow phone the code takes a second and more, and the
// answer comes in that time. The app takes each answer once (src/lib/embedded-answer.ts); one that failed is
// asked for again by the app, which then says what went wrong.
function doorstepFetchEarly(table) {
  var early = (window.doorstepEarly = {})
  if (!window.fetch) return
  var hash = location.hash.replace(/^#\/?/, '')
  var cut = hash.indexOf('?')
  var route = cut < 0 ? hash : hash.slice(0, cut)
  var query = cut < 0 ? '' : hash.slice(cut + 1)
  var params = {}
  var pairs = query ? query.split('&') : []
  for (var i = 0; i < pairs.length; i++) {
    var eq = pairs[i].indexOf('=')
    try {
      if (eq > 0) params[decodeURIComponent(pairs[i].slice(0, eq))] = decodeURIComponent(pairs[i].slice(eq + 1).replace(/\+/g, ' '))
    } catch (e) {}
  }
  var paths = table[route] || []
  for (var j = 0; j < paths.length; j++) {
    var missing = false
    var url = paths[j].replace(/\{(\w+)\}/g, function (_, name) {
      // Only an id is asked for early: anything else in the address is the app's to refuse, with its message.
      if (!/^[\w-]{1,64}$/.test(params[name] || '')) missing = true
      return encodeURIComponent(params[name] || '')
    })
    if (missing) continue
    early[url] = fetch(url, { credentials: 'same-origin' })
      .then(function (r) {
        return r.ok ? r.json() : undefined
      })
      .catch(function () {
        return undefined
      })
  }
}
