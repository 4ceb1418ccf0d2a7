/* Fits a view to its cities, clear of the legend in the bottom-left corner: beside it on a wide
   map, above it on a phone's narrow one, where it is two columns wide (map.css). */
window.footprint = window.footprint || {};
window.footprint.fitCities = function (map, bounds) {
  map.invalidateSize(false);  // the page may have laid itself out around the map since it was made
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
