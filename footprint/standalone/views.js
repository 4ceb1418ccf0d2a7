/* The views a standalone document carries (footprint/standalone/payload.py), turned into what
   the map scripts of footprint/mapjs draw. Shared by the standalone page and the presentation.
   Nothing here computes a figure: counts come ready-made for each continent selection. */
window.footprint = window.footprint || {};
window.footprint.views = function (data) {
  var HOST = 0;
  var UNKNOWN_CONTINENT = data.regions.length;

  function readJson(id) { return JSON.parse(document.getElementById(id).textContent); }

  function find(edition, lang) {
    var views = data.views;
    for (var i = 0; i < views.length; i++) {
      if (views[i].edition === edition && views[i].lang === lang) return views[i];
    }
    for (var k = 0; k < views.length; k++) if (views[k].lang === lang) return views[k];
    return views[0];
  }

  // The continents shown: those chosen that the view allows, or all it allows.
  function selection(view, mask) {
    var chosen = view.continents & mask;
    return chosen || view.continents;
  }

  function regionsOf(mask) {
    return data.regions.filter(function (region, i) { return (mask >> i) & 1; });
  }

  function maskOf(regions) {
    var mask = 0;
    regions.forEach(function (region) {
      var i = data.regions.indexOf(region);
      if (i >= 0) mask |= 1 << i;
    });
    return mask;
  }

  // The marker data footprint.cities draws: the view's places of the chosen continents,
  // and the host whatever the continents, as the live map does.
  function markers(view, mask) {
    var geometry = data.geometries[view.geometry];
    var texts = data.texts[view.lang];
    var names = data.names[data.nameList[view.lang]];
    var shown = selection(view, mask);
    var d = {
      lat: [], lon: [], name: [], country: [], role: "", editions: [], placeContinent: [],
      countries: texts.countries, countryContinent: data.countryContinent,
      countryCodes: data.countryCodes, continents: texts.continents, colors: data.colors,
      roles: texts.roles, editionLists: data.editionLists, labels: texts.popupLabels
    };
    for (var k = 0; k < geometry.places.length; k++) {
      var place = geometry.places[k];
      var role = geometry.role.charCodeAt(k) - 48;
      var continent = data.continent[place];
      var inSelection = continent < UNKNOWN_CONTINENT && ((shown >> continent) & 1);
      if (role !== HOST && !inSelection) continue;
      d.lat.push(data.lat[place]);
      d.lon.push(data.lon[place]);
      d.name.push(names[place]);
      d.country.push(data.country[place]);
      d.role += geometry.role.charAt(k);
      d.editions.push(geometry.editions[k]);
      d.placeContinent.push(continent);
    }
    return d;
  }

  function isVisitor(d, i) { return d.role.charCodeAt(i) - 48 !== HOST; }

  // Where arcs start (the host) and end: each city, or each country when there are many.
  function arcs(d) {
    var start = data.defaultHost, ends = [], i;
    for (i = 0; i < d.lat.length; i++) {
      if (!isVisitor(d, i)) { start = [d.lat[i], d.lon[i]]; break; }
    }
    var visitors = [];
    for (i = 0; i < d.lat.length; i++) if (isVisitor(d, i)) visitors.push(i);
    if (visitors.length > data.arcsPerCityLimit) {
      var byCountry = {}, order = [];
      visitors.forEach(function (j) {
        var key = d.country[j];
        if (!byCountry[key]) { byCountry[key] = [0, 0, 0]; order.push(key); }
        byCountry[key][0] += d.lat[j]; byCountry[key][1] += d.lon[j]; byCountry[key][2] += 1;
      });
      order.forEach(function (key) {
        var sum = byCountry[key];
        ends.push([sum[0] / sum[2], sum[1] / sum[2], sum[2]]);
      });
    } else {
      visitors.forEach(function (j) { ends.push([d.lat[j], d.lon[j], 1]); });
    }
    return {start: start, ends: ends};
  }

  // Each country that sent delegations, in its first city's continent colour.
  function tint(d) {
    var colors = {};
    for (var i = 0; i < d.lat.length; i++) {
      var code = d.countryCodes[d.country[i]];
      if (isVisitor(d, i) && code && !(code in colors)) colors[code] = d.colors[d.placeContinent[i]];
    }
    return colors;
  }

  function bounds(d) {
    if (!d.lat.length) return null;
    return [[Math.min.apply(null, d.lat), Math.min.apply(null, d.lon)],
            [Math.max.apply(null, d.lat), Math.max.apply(null, d.lon)]];
  }

  function counts(view, mask) {
    return view.counts ? view.counts[String(selection(view, mask))] : null;
  }

  // The legend as a Leaflet control, built from text nodes; `update(texts)` relabels it.
  function legend(map, texts) {
    var control = L.control({position: "bottomleft"});
    var box = L.DomUtil.create("div", "fp-legend");
    control.onAdd = function () { return box; };
    control.update = function (next) {
      box.textContent = "";
      var body = document.createElement("div");  // the same markup as the app's legend
      body.className = "fp-legend-body";
      box.appendChild(body);
      var title = document.createElement("b");
      title.textContent = next.legendTitle;
      body.appendChild(title);
      next.legend.forEach(function (entry) {
        var row = document.createElement("div");
        var dot = document.createElement("span");
        dot.className = "fp-dot" + (entry[2] === "continent" ? "" : " fp-" + entry[2]);
        if (entry[2] === "continent") dot.style.background = entry[1];
        row.appendChild(dot);
        row.appendChild(document.createTextNode(entry[0]));
        body.appendChild(row);
      });
    };
    control.update(texts);
    control.addTo(map);
    return control;
  }

  // One base map: the offline countries, no tiles, nothing fetched.
  function baseMap(element, basemap) {
    var map = L.map(element, {
      center: [25, 10], zoom: 2, minZoom: 0, preferCanvas: true, zoomSnap: 0.25,
      maxBounds: [[-90, -180], [90, 180]], attributionControl: true
    });
    map.attributionControl.setPrefix("");
    return {map: map, countries: window.footprint.countries(map, basemap)};
  }

  // Draws the view's markers, arcs and tint into a fresh group, removing the previous one.
  function draw(base, previous, d, showArcs) {
    if (previous) base.map.removeLayer(previous);
    var group = L.featureGroup().addTo(base.map);
    base.countries.setTint(tint(d));
    if (showArcs) window.footprint.arcs(group, arcs(d));
    window.footprint.cities(group, d);
    return group;
  }

  return {
    find: find, selection: selection, regionsOf: regionsOf, maskOf: maskOf, markers: markers,
    arcs: arcs, tint: tint, bounds: bounds, counts: counts, legend: legend, baseMap: baseMap,
    draw: draw, readJson: readJson
  };
};
