"""Leaflet and jQuery come from PyPI packages and are served by the app itself."""

import folium
import pytest

from footprint import assets


def test_static_assets_are_copied_from_the_packages(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "VENDOR_DIR", tmp_path / "vendor")
    assets.install_static_assets()
    leaflet = tmp_path / "vendor" / "leaflet" / "leaflet.js"
    assert leaflet.read_text(encoding="utf-8").startswith("/* @preserve\n * Leaflet 1.9.3")
    assert (tmp_path / "vendor" / "leaflet" / "images" / "layers.png").is_file()
    assert (tmp_path / "vendor" / "jquery" / "jquery.min.js").is_file()
    assert (tmp_path / "vendor" / "basemap" / "countries.geojson").is_file()
    first_copy = leaflet.stat().st_mtime_ns
    assets.install_static_assets()  # already current: nothing is copied again
    assert leaflet.stat().st_mtime_ns == first_copy
    assert not list(tmp_path.rglob("*.tmp"))


def test_the_map_bundle_holds_leaflet_the_layers_and_the_basemap_head_start(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "VENDOR_DIR", tmp_path / "vendor")
    assets.install_static_assets()
    bundle = tmp_path / "vendor" / assets.MAP_BUNDLE_NAME
    text = bundle.read_text(encoding="utf-8")
    assert text.startswith("/* @preserve\n * Leaflet 1.9.3")
    assert "window.footprint.cities = function" in text
    assert text.rstrip().endswith(f'window.footprint.prefetch("{assets.COUNTRIES_URL}");')
    assert oct(bundle.stat().st_mode & 0o777) == "0o644"
    built = bundle.stat().st_mtime_ns
    assets.install_static_assets()
    assert bundle.stat().st_mtime_ns == built  # current: not rebuilt


def test_a_broken_basemap_is_refused_not_served(tmp_path, monkeypatch):
    broken = tmp_path / "countries.geojson"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(assets, "VENDOR_DIR", tmp_path / "vendor")
    monkeypatch.setattr(assets, "COUNTRIES_PATH", broken)
    with pytest.raises(ValueError, match=f"Basemap {broken} is not valid JSON"):
        assets.install_static_assets()
    assert not (tmp_path / "vendor" / "basemap" / "countries.geojson").exists()


def test_folium_maps_load_local_files_only():
    html = assets.use_local_assets(folium.Map(tiles=None)).get_root().render()
    assert f'src="{assets.LEAFLET_JS}"' in html
    assert f'src="{assets.JQUERY_JS}"' in html
    assert "cdn" not in html


def test_a_map_with_its_own_popups_can_leave_jquery_out():
    html = assets.use_local_assets(folium.Map(tiles=None), jquery=False).get_root().render()
    assert "jquery" not in html
