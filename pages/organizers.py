"""Organizers: import, review, publish and undo the city lists. Signed-in organizers only:
app.py lists this page only for them, and the guard stops anyone else who reaches it."""

from ui import filters, signin, workspace

organizer = signin.require_organizer()
workspace.render(organizer, filters.current().lang)
