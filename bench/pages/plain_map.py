"""Baseline page: the map drawn the plain way (one folium CircleMarker + Popup per city)."""

from bench.baseline import render_page

render_page(draw_map=True)
