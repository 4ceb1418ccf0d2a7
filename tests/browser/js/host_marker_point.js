// Where the host city's marker is drawn in the map's frame ({x, y} in the frame), once the
// basemap's countries are in the map too; null until then.
() => {
    const layers = Object.values(window.map._layers)
    .flatMap((layer) => (layer.markers ? layer.markers() : [layer]));
    if (layers.filter((layer) => layer.feature).length < 100) return null;
    const host = layers.find((layer) => ((layer.options && layer.options.className) || '')
        .split(/\s+/).includes('host-marker'));
    if (!host) return null;
    const point = window.map.latLngToContainerPoint(host.getLatLng());
    return {x: Math.round(point.x), y: Math.round(point.y)};
}
