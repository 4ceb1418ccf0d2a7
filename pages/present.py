"""Presentation: the footprint as full-screen slides for a room (hidden from the navigation;
the map page's "Present" button opens it)."""

from footprint.data import data_dir
from ui import filters, presentation

presentation.show(filters.current(), data_dir())
