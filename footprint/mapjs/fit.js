/* Fits the first view to its cities; later filter changes keep the reader's zoom. The left
   padding keeps cities clear of the legend in the bottom-left corner. */
window.footprint = window.footprint || {};
window.footprint.fit = function (map, d) {
  if (window.footprintFitted || !d.bounds) return;
  window.footprintFitted = true;
  map.fitBounds(d.bounds, {paddingTopLeft: [140, 24], paddingBottomRight: [24, 24], maxZoom: 5});
};
