// Two animation frames in the map's frame (or the page): what was added has been painted.
async () => {
  const frame = [...document.querySelectorAll('iframe')]
    .find(f => /footprint_map|st_folium/.test(f.title || ''));
  const win = (frame && frame.contentWindow) || window;
  await new Promise(done => win.requestAnimationFrame(() => win.requestAnimationFrame(done)));
}
