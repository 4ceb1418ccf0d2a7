// Whether no layer of the map is an arc any more.
() => !Object.values(window.map._layers).some(
    (layer) => ((layer.options && layer.options.className) || '').split(/\s+/).includes('arc')
)
