/* The slide controller: one Leaflet map for every slide, moved smoothly (flyToBounds) to each
   slide's view, never torn down; keys a presenter's clicker sends; auto-advance with pause. */
(function () {
  "use strict";
  var fp = window.footprint;
  var data = JSON.parse(document.getElementById("fp-data").textContent);
  var views = fp.views(data);
  var deck = document.getElementById("fp-deck");
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".fp-slide"));
  var dots = Array.prototype.slice.call(deck.querySelectorAll(".fp-dots button"));
  var pauseButton = document.getElementById("fp-pause");
  var dark = document.body.className.indexOf("fp-theme-dark") >= 0;
  var rtl = document.documentElement.dir === "rtl";
  var interval = parseFloat(deck.getAttribute("data-interval")) || 0;
  var base = views.baseMap("fp-map", JSON.parse(document.getElementById("fp-basemap").textContent));
  var map = window.map = base.map;
  map.zoomControl.remove();
  views.legend(map, data.texts[data.views[0].lang]);
  var layers = null, current = -1, paused = interval <= 0, timer = null, drawnView = -1;

  // Dark rooms get a dark land; the tint keeps each continent's colour.
  function restyle(tint) {
    if (!dark) return;
    base.countries.layer.setStyle(function (feature) {
      var color = tint[feature.properties.iso2];
      return {color: "#3b4b5c", weight: 0.6, fillColor: color || "#1c2a38",
              fillOpacity: color ? 0.55 : 1};
    });
  }

  // The host is drawn black: on a dark land it gets a white ring.
  function outlineHost(group) {
    if (!dark) return;
    group.eachLayer(function (layer) {
      if (layer.setHostColor) layer.setHostColor("#ffffff");
    });
  }

  function padding() {
    // The controls sit on the top corner, the legend on the bottom-left one.
    return {paddingTopLeft: [rtl ? 40 : 150, 70], paddingBottomRight: [rtl ? 150 : 40, 40]};
  }

  function showMap(index, animate) {
    var view = data.views[index];
    var d = views.markers(view, 0);
    if (drawnView !== index) {
      layers = views.draw(base, layers, d, true);
      restyle(views.tint(d));
      outlineHost(layers);
      drawnView = index;
    }
    var bounds = views.bounds(d);
    if (!bounds) return;
    var options = padding();
    options.maxZoom = 5;
    if (animate) {
      options.duration = 1.4;
      map.flyToBounds(bounds, options);
    } else {
      map.fitBounds(bounds, options);
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    if (!paused && interval > 0) timer = window.setTimeout(next, interval * 1000);
  }

  function show(index) {
    index = (index + slides.length) % slides.length;
    var first = current < 0;
    slides.forEach(function (slide, i) { slide.hidden = i !== index; });
    dots.forEach(function (dot, i) {
      if (i === index) dot.setAttribute("aria-current", "step");
      else dot.removeAttribute("aria-current");
    });
    var slide = slides[index];
    var withMap = slide.getAttribute("data-map") === "yes";
    deck.classList.toggle("fp-mapless", !withMap);
    current = index;
    if (withMap) showMap(parseInt(slide.getAttribute("data-view"), 10), !first);
    deck.setAttribute("data-current", String(index));
    schedule();
  }

  function next() { show(current + 1); }
  function previous() { show(current - 1); }

  function setPaused(value) {
    paused = value;
    pauseButton.textContent = pauseButton.getAttribute(paused ? "data-resume" : "data-pause");
    pauseButton.setAttribute("aria-pressed", paused ? "true" : "false");
    deck.setAttribute("data-paused", paused ? "yes" : "no");
    schedule();
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var forward = rtl ? "ArrowLeft" : "ArrowRight";
    var backward = rtl ? "ArrowRight" : "ArrowLeft";
    switch (event.key) {
      case "PageDown": case "ArrowDown": case forward: case " ": case "Spacebar": next(); break;
      case "PageUp": case "ArrowUp": case backward: previous(); break;
      case "Home": show(0); break;
      case "End": show(slides.length - 1); break;
      case "p": case "P": setPaused(!paused); break;
      default: return;
    }
    event.preventDefault();
  }

  document.getElementById("fp-next").addEventListener("click", next);
  document.getElementById("fp-previous").addEventListener("click", previous);
  pauseButton.addEventListener("click", function () { setPaused(!paused); });
  dots.forEach(function (dot) {
    dot.addEventListener("click", function () { show(parseInt(dot.getAttribute("data-slide"), 10)); });
  });
  window.addEventListener("keydown", onKey);
  // Inside the app the deck is a frame: keys pressed before anyone clicks reach the page around
  // it, so listen there too (same origin), and take the focus.
  try {
    if (window.parent !== window && window.parent.document) {
      window.parent.document.addEventListener("keydown", onKey);
      window.addEventListener("pagehide", function () {
        window.parent.document.removeEventListener("keydown", onKey);
      });
    }
  } catch (error) {
    deck.setAttribute("data-parent-keys", error.name);
  }
  window.focus();
  window.footprintDeck = {
    count: slides.length,
    current: function () { return current; },
    paused: function () { return paused; },
    show: show
  };
  setPaused(paused);
  show(parseInt(deck.getAttribute("data-start"), 10) || 0);
})();
