// How many of the map's layers, its city markers counted one by one (CityDots.markers), carry
// `className` in their options.className.
(className) => Object.values(window.map._layers)
    .flatMap((layer) => (layer.markers ? layer.markers() : [layer])).filter(
    (layer) => ((layer.options && layer.options.className) || '').split(/\s+/).includes(className)
).length
