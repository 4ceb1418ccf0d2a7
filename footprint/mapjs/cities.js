/* One canvas circle marker per city from compact column arrays (see mapview.marker_data).
   Tooltips and popups are made on demand from text nodes, so a city name is never parsed as
   HTML. Classes host-marker, city-marker and guest-marker are what tests and styles count on. */
window.footprint = window.footprint || {};
window.footprint.renderer = function () {
  window.footprintRenderer = window.footprintRenderer || L.canvas({padding: 0.3});
  return window.footprintRenderer;
};
window.footprint.cities = function (target, d) {
  var renderer = window.footprint.renderer();
  var classes = ["host-marker", "city-marker guest-marker", "city-marker"];
  function text(tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    return node;
  }
  function continentOf(i) { return d.countryContinent[d.country[i]]; }
  // One tooltip and one popup for all markers, filled in for the marker under the pointer.
  function tooltip(layer) {
    var i = layer.footprintIndex;
    var label = text("span", d.name[i] + " · " + d.countries[d.country[i]]);
    if (d.dir) label.dir = d.dir;  // the tooltip reads right to left in Arabic, the map does not
    return label;
  }
  function popup(layer) {
    var i = layer.footprintIndex;
    var card = document.createElement("div");
    card.className = "fp-card";
    if (d.dir) card.dir = d.dir;
    card.appendChild(text("strong", d.name[i]));
    var list = document.createElement("dl");
    var values = [d.countries[d.country[i]], d.continents[continentOf(i)],
                  d.roles[d.role.charCodeAt(i) - 48], d.editionLists[d.editions[i]]];
    for (var k = 0; k < values.length; k++) {
      list.appendChild(text("dt", d.labels[k]));
      list.appendChild(text("dd", values[k]));
    }
    card.appendChild(list);
    return card;
  }
  var cities = L.featureGroup();
  var order = [];
  for (var i = 0; i < d.lat.length; i++) order.push(i);
  order.sort(function (a, b) { return d.role.charCodeAt(b) - d.role.charCodeAt(a); });
  order.forEach(function (i) {  // host and guest last, so drawn on top
    var role = d.role.charCodeAt(i) - 48;
    var marker = L.circleMarker([d.lat[i], d.lon[i]], {
      renderer: renderer,
      className: classes[role],
      radius: role === 2 ? 6 : 9,
      color: role === 2 ? "#ffffff" : "#111111",
      weight: role === 1 ? 3 : (role === 0 ? 2 : 1),
      fillColor: role === 0 ? "#111111" : d.colors[continentOf(i)],
      fillOpacity: 0.9
    });
    marker.footprintIndex = i;
    cities.addLayer(marker);
  });
  cities.bindTooltip(tooltip, {direction: "top", offset: [0, -6]});
  cities.bindPopup(popup);
  cities.addTo(target);
  return cities;
};
