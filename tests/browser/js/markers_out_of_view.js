// The city and host markers a reader cannot see whole, as [x, y] in the map: past an edge of
// the map, or under its legend. Empty when every one is in view.
() => {
    const map = window.map;
    const size = map.getSize();
    const frame = map.getContainer().getBoundingClientRect();
    const box = map.getContainer().querySelector('.fp-legend').getBoundingClientRect();
    const legend = {
        left: box.left - frame.left, right: box.right - frame.left,
        top: box.top - frame.top, bottom: box.bottom - frame.top,
    };
    return Object.values(map._layers)
        .flatMap((layer) => (layer.markers ? layer.markers() : [layer]))
        .filter((layer) => /(^|\s)(city|host)-marker(\s|$)/
            .test((layer.options && layer.options.className) || ''))
        .map((layer) => [map.latLngToContainerPoint(layer.getLatLng()), layer.getRadius()])
        .filter(([point, radius]) => point.x - radius < 0 || point.y - radius < 0
            || point.x + radius > size.x || point.y + radius > size.y
            || (point.x + radius > legend.left && point.x - radius < legend.right
                && point.y + radius > legend.top && point.y - radius < legend.bottom))
        .map(([point]) => [Math.round(point.x), Math.round(point.y)]);
}
