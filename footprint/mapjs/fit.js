/* Fits a view to its cities, clear of the legend in the bottom-left corner: beside it on a wide
   map, above it on a phone's narrow one, where it is two columns wide (map.css). The map must
   know its current size (Leaflet keeps the one it was made with until told). */
window.footprint = window.footprint || {};
window.footprint.fitCities = function (map, bounds) {
  var narrow = map.getSize().x <= 480;  // map.css's phone layout
  var legend = map.getContainer().querySelector(".fp-legend");
  var belowCities = narrow && legend ? legend.offsetHeight + 40 : 24;
  map.fitBounds(bounds, {
    paddingTopLeft: [narrow ? 16 : 140, 24],
    paddingBottomRight: [narrow ? 16 : 24, belowCities],
    maxZoom: 5
  });
};
// The app's first view; later filter changes keep the reader's zoom.
window.footprint.fit = function (map, d) {
  if (window.footprintFitted || !d.bounds) return;
  window.footprintFitted = true;
  window.footprint.fitCities(map, d.bounds);
};
