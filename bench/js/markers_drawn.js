// Whether the map frame holds `expected` city markers (false before the frame's map exists).
expected => {
  const frame = [...document.querySelectorAll('iframe')]
    .find(f => /footprint_map|st_folium/.test(f.title || ''));
  const map = frame && frame.contentWindow && frame.contentWindow.map;
  if (!map || !map._layers) return false;
  return Object.values(map._layers)
    .flatMap(l => (l.markers ? l.markers() : [l]))
    .filter(l => ((l.options && l.options.className) || '').split(' ').includes('city-marker'))
    .length === expected;
}
