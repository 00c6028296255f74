// Taro H5 sizes everything in rem: root font size = 40 * viewport width / 750, within 20–40 px.
!(function (n) {
  function f() {
    var e = n.document.documentElement
    var r = e.getBoundingClientRect()
    var w = Math.min.apply(Math, [r.width, r.height].filter(Boolean))
    var x = (40 * w) / 750
    e.style.fontSize = x >= 40 ? '40px' : x <= 20 ? '20px' : x + 'px'
  }
  n.addEventListener('resize', function () {
    f()
    setTimeout(f, 500)
  })
  f()
})(window)
