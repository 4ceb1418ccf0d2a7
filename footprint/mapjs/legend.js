/* The legend control: `content` is HTML built and escaped on the server from fixed UI text. */
window.footprint = window.footprint || {};
window.footprint.legend = function (map, content) {
  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "fp-legend");
    div.innerHTML = content;
    return div;
  };
  legend.addTo(map);
  return legend;
};
