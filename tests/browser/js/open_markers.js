// Tooltips and popups may be built on demand and bound once for many markers, so each marker
// with `className` (only those at `near`, [lat, lon], if given) is opened the way a reader does
// it (pointer over the marker, then a click) and its text read from what Leaflet rendered; it is
// closed again unless `leaveOpen`.
({className, near, leaveOpen}) => Object.values(window.map._layers)
    .flatMap((layer) => (layer.markers ? layer.markers() : [layer]))
    .filter((layer) => ((layer.options && layer.options.className) || '')
        .split(/\s+/).includes(className)
        && (!near || (layer.getLatLng
            && Math.abs(layer.getLatLng().lat - near[0]) < 0.01
            && Math.abs(layer.getLatLng().lng - near[1]) < 0.01)))
    .map((layer) => {
        const event = {latlng: layer.getLatLng()};
        layer.fire('mouseover', event, true);
        layer.fire('click', event, true);
        const tooltip = document.querySelector('.leaflet-tooltip');
        const popup = document.querySelector('.leaflet-popup-content');
        const rendered = {
            tooltip: tooltip ? tooltip.textContent : '',
            popup: popup ? popup.textContent : '',
        };
        if (!leaveOpen) {
            layer.fire('mouseout', {latlng: layer.getLatLng()}, true);
            window.map.closePopup();
        }
        return rendered;
    })
