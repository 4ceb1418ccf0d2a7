// Injected before any script of the page (Playwright init script): records when the map is
// shown, as milliseconds since navigation start (performance.now()), in window.__shownAt.
// "Shown": a Leaflet map exists at window.map, is loaded, holds at least the expected number of
// city markers, and two animation frames have passed (painted). A page without a map (the
// baseline) is shown two frames after its load event.
(function () {
  var expected = Number(new URLSearchParams(location.hash.slice(1)).get("expect") || "0");
  function cityMarkers(map) {
    var count = 0;
    Object.keys(map._layers).forEach(function (id) {
      var layer = map._layers[id];
      (layer.markers ? layer.markers() : [layer]).forEach(function (marker) {
        var name = (marker.options && marker.options.className) || "";
        if (name.split(/\s+/).indexOf("city-marker") >= 0) count += 1;
      });
    });
    return count;
  }
  function painted() {
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { window.__shownAt = performance.now(); });
    });
  }
  function poll() {
    var map = window.map;
    if (map && map._loaded && map._layers && cityMarkers(map) >= expected) {
      painted();
      return;
    }
    requestAnimationFrame(poll);
  }
  // Bytes received for the page and everything it loaded so far (headers included).
  window.__pageWeight = function () {
    var entries = performance.getEntriesByType("navigation")
      .concat(performance.getEntriesByType("resource"));
    return {
      bytes: entries.reduce(function (sum, entry) { return sum + entry.transferSize; }, 0),
      requests: entries.length
    };
  };
  if (expected > 0) {
    poll();
  } else {
    window.addEventListener("load", painted);
  }
})();
