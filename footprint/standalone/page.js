/* The standalone map page: one view at a time, chosen from the address
   (?edition=2&continent=Europe&lang=fr) and from the page's own controls, redrawn in place.
   Every text is set with textContent: nothing from the data is ever parsed as HTML. */
(function () {
  "use strict";
  var fp = window.footprint;
  var data = JSON.parse(document.getElementById("fp-data").textContent);
  var views = fp.views(data);
  var base = views.baseMap("fp-map", JSON.parse(document.getElementById("fp-basemap").textContent));
  window.map = base.map;  // what tests and curious readers inspect, as on the live map
  var state = fromAddress(location.search);
  var legend = views.legend(base.map, data.texts[state.lang]);
  var layers = null;

  function byId(id) { return document.getElementById(id); }

  // A continent as the app writes it (Europe) or by its name in any of the page's languages.
  function continentFrom(value) {
    var lower = value.trim().toLowerCase();
    for (var i = 0; i < data.regions.length; i++) {
      if (data.regions[i].toLowerCase() === lower) return data.regions[i];
      for (var l in data.texts) {
        if (data.texts[l].continents[i].toLowerCase() === lower) return data.regions[i];
      }
    }
    return null;
  }

  // Values that make no sense are ignored, as the app does.
  function fromAddress(search) {
    var params = new URLSearchParams(search);
    var first = data.views[0];
    var lang = (params.get("lang") || "").toLowerCase();
    if (data.languages.indexOf(lang) < 0) lang = first.lang;
    var edition = first.edition;
    var asked = (params.get("edition") || "").split(",")[0].trim().toLowerCase();
    if (asked === "all") edition = null;
    else if (/^\d+$/.test(asked)) {
      var number = parseInt(asked, 10);
      if (data.views.some(function (v) { return v.edition === number; })) edition = number;
    }
    var regions = [];
    params.getAll("continent").join(",").split(",").forEach(function (value) {
      var region = value ? continentFrom(value) : null;
      if (region && regions.indexOf(region) < 0) regions.push(region);
    });
    return {edition: edition, mask: views.maskOf(regions), lang: lang};
  }

  function query() {
    var params = new URLSearchParams();
    params.set("edition", state.edition === null ? "all" : String(state.edition));
    params.set("lang", state.lang);
    var view = views.find(state.edition, state.lang);
    if (state.mask && views.selection(view, state.mask) !== view.continents) {
      params.set("continent", views.regionsOf(views.selection(view, state.mask)).join(","));
    }
    return "?" + params.toString().replace(/%2C/g, ",");
  }

  function setText(id, value) { byId(id).textContent = value; }

  function fill(list, items, make) {
    list.textContent = "";
    items.forEach(function (item) { list.appendChild(make(item)); });
  }

  function item(tag, text, className) {
    var node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function controls(view, texts) {
    setText("fp-edition-label", texts.labels.edition);
    setText("fp-continents-label", texts.labels.continents);
    setText("fp-language-label", texts.labels.language);
    var editions = byId("fp-edition");
    fill(editions, data.views.filter(function (v) { return v.lang === view.lang; }), function (v) {
      var option = item("option", v.editionLabel);
      option.value = v.edition === null ? "all" : String(v.edition);
      option.selected = v === view;
      return option;
    });
    var shown = views.selection(view, state.mask);
    fill(byId("fp-continents"), data.regions, function (region) {
      var i = data.regions.indexOf(region);
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = region;
      box.disabled = !((view.continents >> i) & 1);
      box.checked = !!(state.mask && (shown >> i) & 1);
      label.appendChild(box);
      label.appendChild(document.createTextNode(texts.continents[i]));
      return label;
    });
    fill(byId("fp-language"), data.languages, function (lang) {
      var option = item("option", data.texts[lang].name);
      option.value = lang;
      option.selected = lang === view.lang;
      return option;
    });
  }

  function figures(view, texts) {
    var found = views.counts(view, state.mask);
    var countList = byId("fp-counts");
    countList.hidden = !found;
    if (found) {
      fill(countList, [[texts.labels.cities, found[0]], [texts.labels.countries, found[1]],
                       [texts.labels.continentsCount, found[2]]], function (pair) {
        var box = item("div", "", "fp-count");
        box.appendChild(item("span", String(pair[1]), "fp-value"));
        box.appendChild(item("span", pair[0], "fp-label"));
        return box;
      });
    }
    var headlines = view.headlines.length ? view.headlines : [];
    setText("fp-figures-heading", texts.labels.figures);
    // Figures are published per edition: every edition together has none, and says nothing.
    byId("fp-figures-heading").hidden = !headlines.length && view.edition === null;
    fill(byId("fp-headlines"), headlines, function (headline) {
      var box = item("div", "", "fp-headline");
      box.appendChild(item("span", headline[1], "fp-value"));
      box.appendChild(item("span", headline[0], "fp-label"));
      return box;
    });
    byId("fp-no-figures").hidden = headlines.length > 0 || view.edition === null;
    setText("fp-no-figures", texts.labels.noFigures);
    setText("fp-known-heading", texts.labels.known);
    fill(byId("fp-coverage"), view.coverage, function (line) { return item("li", line); });
  }

  function render() {
    var view = views.find(state.edition, state.lang);
    var texts = data.texts[view.lang];
    state.edition = view.edition;
    state.lang = view.lang;
    document.documentElement.lang = view.lang;
    document.documentElement.dir = texts.dir;
    document.title = texts.title + " · " + view.editionLabel;
    setText("fp-title", texts.title);
    setText("fp-subtitle", texts.subtitle);
    setText("fp-edition-name", view.editionLabel);
    setText("fp-source-line", view.sourceLine);
    setText("fp-made-on", view.madeOnLine);
    var links = texts.links || [];  // the site's other pages, when the page is part of one
    byId("fp-links").hidden = links.length === 0;
    fill(byId("fp-links"), links, function (link) {
      var anchor = item("a", link[0]);
      anchor.href = link[1];
      return anchor;
    });
    controls(view, texts);
    figures(view, texts);
    legend.update(texts);
    // The texts just set may have moved the map: it learns its size before it holds markers,
    // when a redraw costs little, and before fitCities reads it.
    base.map.invalidateSize(false);
    var d = views.markers(view, state.mask);
    layers = views.draw(base, layers, d, true);
    var bounds = views.bounds(d);
    if (bounds) window.footprint.fitCities(base.map, bounds);
    var link = query();
    var share = byId("fp-share");
    share.href = link;
    share.textContent = texts.labels.share;
    try {
      history.replaceState(null, "", link);
    } catch (error) {
      // Some browsers refuse to change a file:// address; the share link still carries the view.
      share.title = error.message;
    }
  }

  byId("fp-edition").addEventListener("change", function (event) {
    state.edition = event.target.value === "all" ? null : parseInt(event.target.value, 10);
    render();
  });
  byId("fp-continents").addEventListener("change", function () {
    var chosen = [];
    byId("fp-continents").querySelectorAll("input:checked").forEach(function (box) {
      chosen.push(box.value);
    });
    state.mask = views.maskOf(chosen);
    render();
  });
  byId("fp-language").addEventListener("change", function (event) {
    state.lang = event.target.value;
    render();
  });
  render();
})();
