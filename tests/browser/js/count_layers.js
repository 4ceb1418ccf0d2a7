// How many layers of the Leaflet map carry `className` in their options.className.
(className) => Object.values(window.map._layers).filter(
    (layer) => ((layer.options && layer.options.className) || '').split(/\s+/).includes(className)
).length
