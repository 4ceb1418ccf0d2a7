"""Floor page: the same data loading, filters and headline counts as the map page, no map."""

from bench.baseline import render_page

render_page(draw_map=False)
