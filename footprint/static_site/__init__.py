"""The static public site (`python -m footprint publish OUT/`): the public view as plain files.

from footprint.static_site.publish import publish_site, refresh_site
"""
