/* The map's Streamlit component: the base map is made once, and a view's layer group is swapped
   in place when the filters change, so the reader's zoom stays and the map never blanks.
   Speaks Streamlit's component protocol (componentReady, render, setFrameHeight) directly. */
(function () {
  var shown = {layers: null, height: null};

  function tell(type, fields) {
    var message = {isStreamlitMessage: true, type: type};
    for (var name in fields) message[name] = fields[name];
    window.parent.postMessage(message, "*");
  }

  function makeMap(args) {
    document.getElementById("map_div").style.height = args.height + "px";
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

  function render(args) {
    if (!window.map) makeMap(args);
    if (args.feature_group !== shown.layers) {
      shown.layers = args.feature_group;
      showLayers(args.feature_group);
    }
    if (args.height !== shown.height) {
      shown.height = args.height;
      tell("streamlit:setFrameHeight", {height: args.height});
    }
  }

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });
  tell("streamlit:componentReady", {apiVersion: 1});
})();
