// Hover then click a city marker as a reader would; where did Leaflet put the tooltip, what
// do the tooltip and popup say, and in which direction?
() => {
    const marker = Object.values(window.map._layers)
    .flatMap((layer) => (layer.markers ? layer.markers() : [layer])).find((layer) =>
        ((layer.options && layer.options.className) || '').split(/\s+/).includes('city-marker'));
    const event = {latlng: marker.getLatLng()};
    marker.fire('mouseover', event, true);
    const tooltip = document.querySelector('.leaflet-tooltip');
    const point = window.map.latLngToContainerPoint(marker.getLatLng());
    const mapBox = window.map.getContainer().getBoundingClientRect();
    const tipBox = tooltip.getBoundingClientRect();
    const tipText = tooltip.querySelector('[dir]');
    marker.fire('click', event, true);
    const card = document.querySelector('.leaflet-popup-content .fp-card');
    return {
        marker: {x: mapBox.left + point.x, y: mapBox.top + point.y},
        tooltipBox: {left: tipBox.left, right: tipBox.right, top: tipBox.top,
                      bottom: tipBox.bottom},
        tooltipText: tooltip.textContent,
        tooltipDir: tipText ? tipText.dir : '',
        popupText: card ? card.textContent : '',
        popupDir: card ? card.dir : '',
        popupDirection: card ? getComputedStyle(card).direction : '',
        mapDirection: getComputedStyle(window.map.getContainer()).direction,
        legendDirection: getComputedStyle(document.querySelector('.fp-legend-body')).direction,
    };
}
