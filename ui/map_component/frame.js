/* The map's Streamlit component: the base map is made once, and a view's layer group is swapped
   in place when the filters change, so the reader's zoom stays and the map never blanks.
   Speaks Streamlit's component protocol (componentReady, render, setFrameHeight) directly. */
(function () {
  var shown = {layers: null, height: null, reported: false};

  function tell(type, fields) {
    var message = {isStreamlitMessage: true, type: type};
    for (var name in fields) message[name] = fields[name];
    window.parent.postMessage(message, "*");
  }

  // A phone's narrow frame gets a map about as high as it is wide: at the page's full height a
  // world map, wider than high, was a strip between two bands of sea.
  var PHONE_MIN_HEIGHT = 360;
  function heightFor(args) {
    if (!window.innerWidth) return args.height;
    return Math.min(args.height, Math.max(PHONE_MIN_HEIGHT, Math.round(window.innerWidth * 1.2)));
  }

  function makeMap(args) {
    document.head.insertAdjacentHTML("beforeend", args.header);
    var script = document.createElement("script");
    script.textContent = args.script + "\nwindow.map = map_div;";
    document.body.appendChild(script);
  }

  function showLayers(layers) {
    (window.feature_group || []).forEach(function (group) { window.map.removeLayer(group); });
    window.feature_group = [];
    (0, eval)(layers);  // global scope, as the base map's script: the layers refer to map_div
  }

  // Once the markers are painted (two animation frames), the page may draw the rest of itself
  // (ui/map_first.py). Once for this iframe's life; a map that failed to draw reports too, so
  // the page is never left without its filters.
  function reportShown() {
    if (shown.reported) return;
    shown.reported = true;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        tell("streamlit:setComponentValue", {value: true, dataType: "json"});
      });
    });
  }

  function render(args) {
    try {
      draw(args);
    } finally {
      if (args.reports_shown) reportShown();
    }
  }

  // The height first: the map is made, and its first view fitted, at its final size.
  function draw(args) {
    var height = heightFor(args);
    if (height !== shown.height) {
      shown.height = height;
      document.getElementById("map_div").style.height = height + "px";
      if (window.map) window.map.invalidateSize(false);
      tell("streamlit:setFrameHeight", {height: height});
    }
    if (!window.map) makeMap(args);
    if (args.feature_group !== shown.layers) {
      shown.layers = args.feature_group;
      showLayers(args.feature_group);
    }
  }

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });
  tell("streamlit:componentReady", {apiVersion: 1});
})();
