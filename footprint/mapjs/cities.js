/* Every city of a view as one Leaflet path on the shared canvas, from compact column arrays
   (see mapview.marker_data). One layer per city cost 10,000 Leaflet objects at 10,000 cities,
   and about 0.15 s before the first paint; this layer projects and paints them in one pass.
   Tooltips and popups are made on demand from text nodes, so a city name is never parsed as
   HTML. Classes host-marker, city-marker and guest-marker, read through markers(), are what
   tests count on. */
window.footprint = window.footprint || {};
window.footprint.renderer = function () {
  window.footprintRenderer = window.footprintRenderer || L.canvas({padding: 0.3});
  return window.footprintRenderer;
};

window.footprint.CityDots = L.Path.extend({
  // By role code (mapview.ROLE_CODES): the host, a guest of honour, a city.
  roles: [
    {className: "host-marker", radius: 9, color: "#111111", weight: 2},
    {className: "city-marker guest-marker", radius: 9, color: "#111111", weight: 3},
    {className: "city-marker", radius: 6, color: "#ffffff", weight: 1}
  ],

  initialize: function (d, options) {
    L.setOptions(this, options);
    this._d = d;
    this._hostColor = this.roles[0].color;
    var order = [];
    for (var i = 0; i < d.lat.length; i++) order.push(i);
    // Cities first, then guests, then the host, so the ringed markers are drawn on top.
    order.sort(function (a, b) { return d.role.charCodeAt(b) - d.role.charCodeAt(a) || a - b; });
    this._drawOrder = order;
    this._x = new Float64Array(order.length);
    this._y = new Float64Array(order.length);
    this._tooltip = L.tooltip({direction: "top", offset: [0, -6]});
    this._popup = L.popup();
  },

  onAdd: function (map) {
    this._keepPageStill(map);
    L.Path.prototype.onAdd.call(this);
    this.on("mouseover mousemove", this._hover, this);
    this.on("mouseout", this._leave, this);
    this.on("click", this._open, this);
  },

  onRemove: function () {
    this.off("mouseover mousemove", this._hover, this);
    this.off("mouseout", this._leave, this);
    this.off("click", this._open, this);
    this._map.closeTooltip(this._tooltip);
    this._map.closePopup(this._popup);
    L.Path.prototype.onRemove.call(this);
  },

  // A click on a city must land on it. Leaflet focuses the map on a press, and the browser
  // scrolled a map partly below the fold into view before the release: the click fell tens of
  // pixels off its city, on another city or none.
  _keepPageStill: function (map) {
    var container = map.getContainer();
    if (container.footprintKeepsStill) return;
    container.footprintKeepsStill = true;
    container.focus = function (options) {
      HTMLElement.prototype.focus.call(this, L.extend({}, options, {preventScroll: true}));
    };
  },

  // The dark presentation rings its black host in white.
  setHostColor: function (color) {
    this._hostColor = color;
    return this.redraw();
  },

  _role: function (i) { return this._d.role.charCodeAt(i) - 48; },

  _project: function () {
    var d = this._d, map = this._map, order = this._drawOrder;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var k = 0; k < order.length; k++) {
      var point = map.latLngToLayerPoint([d.lat[order[k]], d.lon[order[k]]]);
      this._x[k] = point.x;
      this._y[k] = point.y;
      if (point.x < minX) minX = point.x;
      if (point.x > maxX) maxX = point.x;
      if (point.y < minY) minY = point.y;
      if (point.y > maxY) maxY = point.y;
    }
    var pad = 12;  // the largest radius and half the widest ring
    this._pxBounds = order.length ? L.bounds([minX - pad, minY - pad], [maxX + pad, maxY + pad])
                                  : L.bounds([0, 0], [0, 0]);
  },

  _update: function () {
    if (this._map) this._updatePath();
  },

  _empty: function () {
    return !this._drawOrder.length || !this._renderer._bounds.intersects(this._pxBounds);
  },

  // Each marker filled then ringed, as Leaflet's circle markers were, so a marker drawn on top
  // hides the ring beneath it; the context's style changes only between runs of one style.
  _updatePath: function () {
    var renderer = this._renderer;
    if (!renderer._drawing || this._empty()) return;
    var ctx = renderer._ctx, d = this._d, style = "";
    ctx.setLineDash([]);
    for (var k = 0; k < this._drawOrder.length; k++) {
      var i = this._drawOrder[k], role = this._role(i), look = this.roles[role];
      var fill = role === 0 ? "#111111" : d.colors[d.countryContinent[d.country[i]]];
      var ring = role === 0 ? this._hostColor : look.color;
      var key = fill + ring + look.weight;
      if (key !== style) {
        style = key;
        ctx.fillStyle = fill;
        ctx.strokeStyle = ring;
        ctx.lineWidth = look.weight;
      }
      ctx.beginPath();
      ctx.arc(this._x[k], this._y[k], look.radius, 0, Math.PI * 2, false);
      ctx.globalAlpha = 0.9;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.stroke();
    }
  },

  // The topmost marker under a layer point, as a position in drawing order, or -1.
  _at: function (point) {
    var tolerance = this._renderer.options.tolerance || 0;
    for (var k = this._drawOrder.length - 1; k >= 0; k--) {
      var look = this.roles[this._role(this._drawOrder[k])];
      var reach = look.radius + look.weight / 2 + tolerance;
      var dx = point.x - this._x[k], dy = point.y - this._y[k];
      if (dx * dx + dy * dy <= reach * reach) return k;
    }
    return -1;
  },

  _containsPoint: function (point) {
    return this._at(point) >= 0;
  },

  // A marker named by markers() (tests) or found under the pointer.
  _target: function (e) {
    if (e.marker !== undefined) return e.marker;
    return this._at(e.layerPoint || this._map.latLngToLayerPoint(e.latlng));
  },

  _latLngOf: function (k) {
    var i = this._drawOrder[k];
    return L.latLng(this._d.lat[i], this._d.lon[i]);
  },

  _hover: function (e) {
    var k = this._target(e);
    if (k < 0) return this._leave();
    if (k === this._hovered && this._map.hasLayer(this._tooltip)) return;
    this._hovered = k;
    this._tooltip.setLatLng(this._latLngOf(k)).setContent(this._label(this._drawOrder[k]));
    this._map.openTooltip(this._tooltip);
  },

  _leave: function () {
    this._hovered = -1;
    if (this._map) this._map.closeTooltip(this._tooltip);
  },

  _open: function (e) {
    var k = this._target(e);
    if (k < 0) return;
    this._popup.setLatLng(this._latLngOf(k)).setContent(this._card(this._drawOrder[k]));
    this._map.openPopup(this._popup);
  },

  _text: function (tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    return node;
  },

  _label: function (i) {
    var d = this._d;
    var label = this._text("span", d.name[i] + " · " + d.countries[d.country[i]]);
    if (d.dir) label.dir = d.dir;  // the tooltip reads right to left in Arabic, the map does not
    return label;
  },

  _card: function (i) {
    var d = this._d;
    var card = document.createElement("div");
    card.className = "fp-card";
    if (d.dir) card.dir = d.dir;
    card.appendChild(this._text("strong", d.name[i]));
    var list = document.createElement("dl");
    var values = [d.countries[d.country[i]], d.continents[d.countryContinent[d.country[i]]],
                  d.roles[this._role(i)], d.editionLists[d.editions[i]]];
    for (var k = 0; k < values.length; k++) {
      list.appendChild(this._text("dt", d.labels[k]));
      list.appendChild(this._text("dd", values[k]));
    }
    card.appendChild(list);
    return card;
  },

  // Each marker as tests and tools read a Leaflet marker: its class, place and size, and
  // fire() to point at or click it as a reader does.
  markers: function () {
    var self = this;
    return this._drawOrder.map(function (i, k) {
      var look = self.roles[self._role(i)];
      return {
        options: {className: look.className},
        getLatLng: function () { return self._latLngOf(k); },
        getRadius: function () { return look.radius; },
        fire: function (type, event) {
          self.fire(type, L.extend({}, event, {marker: k, latlng: self._latLngOf(k)}));
          return this;
        }
      };
    });
  }
});

window.footprint.cities = function (target, d) {
  var dots = new window.footprint.CityDots(d, {renderer: window.footprint.renderer()});
  dots.addTo(target);
  return dots;
};
