// One entry per guest marker: whether it is also a city marker.
() => Object.values(window.map._layers)
    .flatMap((layer) => (layer.markers ? layer.markers() : [layer])).filter((layer) => {
    const classes = ((layer.options && layer.options.className) || '').split(/\s+/);
    return classes.includes('guest-marker');
}).map((layer) => ({
    isCity: layer.options.className.split(/\s+/).includes('city-marker'),
}))
