// The map's zoom and west and east edges, and whether `host` ([lat, lon]) is in view.
(host) => ({
    zoom: window.map.getZoom(),
    hostInView: window.map.getBounds().contains(L.latLng(host[0], host[1])),
    west: window.map.getBounds().getWest(),
    east: window.map.getBounds().getEast(),
})
