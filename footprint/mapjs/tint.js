/* Tints the countries that sent delegations, on the countries layer of this page. */
window.footprint = window.footprint || {};
window.footprint.tint = function (d) {
  if (window.footprintTint) window.footprintTint(d);
};
