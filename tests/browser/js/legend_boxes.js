// The map's legend, its attribution and the map itself, as drawn ({left, right, top, bottom}).
() => {
    const box = (selector) => {
        const rect = document.querySelector(selector).getBoundingClientRect();
        return {left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom};
    };
    return {
        legend: box('.fp-legend'),
        attribution: box('.leaflet-control-attribution'),
        map: box('.leaflet-container'),
    };
}
