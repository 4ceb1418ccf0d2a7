/* Great-circle arcs from the host to each city (or country), computed in the browser and
   drawn as one polyline per line weight. Returns the group, so a view can take them away. */
window.footprint = window.footprint || {};
window.footprint.arcs = function (target, d) {
  var rad = Math.PI / 180;
  function greatCircle(a, b, steps) {
    var p1 = a[0] * rad, l1 = a[1] * rad, p2 = b[0] * rad, l2 = b[1] * rad;
    var h = Math.pow(Math.sin((p2 - p1) / 2), 2) +
            Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin((l2 - l1) / 2), 2);
    var delta = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
    if (delta < 1e-6) return [a, b];
    var points = [], previous = null;
    for (var s = 0; s <= steps; s++) {
      var f = s / steps;
      var A = Math.sin((1 - f) * delta) / Math.sin(delta);
      var B = Math.sin(f * delta) / Math.sin(delta);
      var x = A * Math.cos(p1) * Math.cos(l1) + B * Math.cos(p2) * Math.cos(l2);
      var y = A * Math.cos(p1) * Math.sin(l1) + B * Math.cos(p2) * Math.sin(l2);
      var z = A * Math.sin(p1) + B * Math.sin(p2);
      var lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / rad;
      var lon = Math.atan2(y, x) / rad;
      // Unwrap across the antimeridian so the line continues instead of crossing the map.
      if (previous !== null) {
        while (lon - previous > 180) lon -= 360;
        while (previous - lon > 180) lon += 360;
      }
      previous = lon;
      points.push([lat, lon]);
    }
    return points;
  }
  var renderer = window.footprint.renderer();
  var byWeight = {};
  d.ends.forEach(function (end) {
    var weight = Math.min(4, 1 + Math.log(end[2]) / Math.LN2 / 2);
    (byWeight[weight] = byWeight[weight] || []).push(greatCircle(d.start, end, 32));
  });
  var arcs = L.layerGroup();
  Object.keys(byWeight).forEach(function (weight) {
    arcs.addLayer(L.polyline(byWeight[weight], {
      renderer: renderer, className: "arc", interactive: false,
      color: "#333333", weight: Number(weight), opacity: 0.45
    }));
  });
  arcs.addTo(target);
  return arcs;
};
