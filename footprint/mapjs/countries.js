/* The offline world: Natural Earth country polygons, tinted where delegations came from.
   `source` is the GeoJSON itself (the standalone page, which may not fetch) or the URL the app
   serves it at. Returns the layer and `setTint(colors)`, colors being ISO code → CSS colour. */
window.footprint = window.footprint || {};
(function () {
  var requests = {};
  // The app's map bundle asks for the basemap as soon as it loads, before the map exists.
  window.footprint.prefetch = function (url) {
    if (!requests[url]) {
      requests[url] = fetch(url).then(function (response) { return response.json(); });
    }
    return requests[url];
  };
})();
window.footprint.countries = function (map, source) {
  var paneName = "footprintBasemap";
  var tint = {};
  var onlineTiles = false;
  function style(feature) {
    var color = tint[feature.properties.iso2];
    return {
      color: "#ffffff", weight: 0.6, fillColor: color || "#f4f1ea",
      fillOpacity: onlineTiles ? (color ? 0.35 : 0) : (color ? 0.45 : 1)
    };
  }
  // Its own pane under the overlay pane (z-index 400) of the markers and arcs: in the app the
  // polygons arrive after the markers, and a canvas made then would be stacked above theirs.
  var pane = map.getPane(paneName) || map.createPane(paneName);
  pane.style.zIndex = 350;
  var layer = L.geoJSON(null, {
    style: style, interactive: false, attribution: "Natural Earth",
    pane: paneName, renderer: L.canvas({pane: paneName})
  });
  function setTint(colors) { tint = colors; layer.setStyle(style); }
  window.footprintTint = setTint;
  // The layer control announces the optional tiles; markers coming and going do not matter.
  map.on("overlayadd overlayremove", function (event) {
    if (event.layer instanceof L.TileLayer) {
      onlineTiles = event.type === "overlayadd";
      layer.setStyle(style);
    }
  });
  if (typeof source === "string") {
    window.footprint.prefetch(source)
      .then(function (data) { layer.addData(data); layer.setStyle(style); });
  } else {
    layer.addData(source);
  }
  layer.addTo(map);
  return {layer: layer, setTint: setTint};
};
