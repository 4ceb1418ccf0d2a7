"""Organizer sign-in rules (footprint/auth.py) and the set-password and serve commands."""

from __future__ import annotations

import argparse
import logging
import stat
import tomllib

import pytest

from footprint import auth
from footprint.__main__ import main
from footprint.commands import serve, set_password
from tests.organizer_app import (
    REMOTE_ADDRESS,
    new_app,
    organizer_env,
    signed_in_by_link,
    titles,
)
from ui.markdown import escape_markdown

__all__ = ["organizer_env"]  # the fixture, used by name below

PASSWORD = "correct horse battery"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# ---- passwords ------------------------------------------------------------------------------


def test_password_hash_is_argon2id_and_verifies_only_the_password():
    hashed = auth.hash_password(PASSWORD)
    assert hashed.startswith("$argon2id$")
    assert PASSWORD not in hashed
    assert auth.verify_password(hashed, PASSWORD)
    assert not auth.verify_password(hashed, PASSWORD + "!")
    assert not auth.verify_password(hashed, "")


def test_a_malformed_hash_is_no_match_not_an_error():
    assert not auth.verify_password("not-a-hash", PASSWORD)
    assert not auth.verify_password("", PASSWORD)


def test_new_password_rules():
    assert auth.password_problem(PASSWORD, PASSWORD) is None
    assert auth.password_problem(PASSWORD, PASSWORD + "x") == "the two passwords differ"
    assert "12 characters" in auth.password_problem("short", "short")


def test_hash_from_environment_wins_over_secrets(monkeypatch):
    monkeypatch.delenv(auth.PASSWORD_HASH_ENV, raising=False)
    assert auth.configured_password_hash({"organizer_password_hash": "from-file"}) == "from-file"
    assert auth.configured_password_hash({}) == ""
    monkeypatch.setenv(auth.PASSWORD_HASH_ENV, "from-env")
    assert auth.configured_password_hash({"organizer_password_hash": "from-file"}) == "from-env"


def test_write_password_hash_keeps_other_secrets_and_is_private(tmp_path):
    path = tmp_path / ".streamlit" / "secrets.toml"
    path.parent.mkdir()
    path.write_text(
        'organizers = ["a@example.org"]\norganizer_password_hash = "old"\n\n'
        '[auth]\nclient_id = "abc"\n',
        encoding="utf-8",
    )
    path.chmod(0o644)
    hashed = auth.hash_password(PASSWORD)
    auth.write_password_hash(hashed, path)
    values = tomllib.loads(path.read_text(encoding="utf-8"))
    assert values == {
        "organizers": ["a@example.org"],
        "organizer_password_hash": hashed,
        "auth": {"client_id": "abc"},
    }
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secrets.toml"]


def test_write_password_hash_refuses_a_broken_file_and_leaves_it(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text("this is = = not toml\n", encoding="utf-8")
    with pytest.raises(tomllib.TOMLDecodeError):
        auth.write_password_hash(auth.hash_password(PASSWORD), path)
    assert path.read_text(encoding="utf-8") == "this is = = not toml\n"


# ---- one-time links ---------------------------------------------------------------------------


def test_token_is_random_and_only_its_digest_is_given_out():
    token, digest = auth.new_token()
    other, _ = auth.new_token()
    assert token != other and len(token) >= 40
    assert digest == auth.token_digest(token) and token not in digest


def test_a_link_opens_one_session_only():
    token, digest = auth.new_token()
    links = auth.OneTimeLinks()
    assert not links.redeem("wrong", digest)
    assert links.redeem(token, digest)
    assert not links.redeem(token, digest)
    assert not links.redeem(token, "")
    assert not links.redeem("", digest)


def test_loopback_is_what_streamlit_reports_as_no_address():
    assert auth.is_loopback(None)
    assert not auth.is_loopback("192.168.1.20")


# ---- allow-list -------------------------------------------------------------------------------


def test_allow_list_from_secrets_and_environment(monkeypatch):
    monkeypatch.setenv(auth.ORGANIZERS_ENV, " Second@Example.org ,")
    allowed = auth.allowed_emails({"organizers": ["first@example.org"]})
    assert allowed == {"first@example.org", "second@example.org"}
    assert auth.is_allowed("FIRST@example.org", True, allowed)
    assert auth.is_allowed("second@example.org", None, allowed)
    assert not auth.is_allowed("first@example.org", False, allowed)  # unverified e-mail
    assert not auth.is_allowed("third@example.org", True, allowed)
    assert not auth.is_allowed(None, True, allowed)


def test_empty_allow_list_lets_nobody_in(monkeypatch):
    monkeypatch.delenv(auth.ORGANIZERS_ENV, raising=False)
    assert auth.allowed_emails({}) == frozenset()
    assert not auth.is_allowed("anyone@example.org", True, auth.allowed_emails({}))


# ---- throttle ---------------------------------------------------------------------------------


def test_throttle_grows_per_client_and_resets_on_success():
    clock = FakeClock()
    throttle = auth.Throttle(free_attempts=3, base_delay_s=2, max_delay_s=60, clock=clock)
    for _ in range(3):
        assert throttle.wait_time("a") == 0
        throttle.record_failure("a")
    assert throttle.wait_time("a") == 2
    assert throttle.wait_time("b") == 0  # another client is not slowed
    clock.now += 2
    throttle.record_failure("a")
    assert throttle.wait_time("a") == 4
    for _ in range(10):
        throttle.record_failure("a")
    assert throttle.wait_time("a") == 60  # capped
    throttle.record_success("a")
    assert throttle.wait_time("a") == 0


def test_throttle_slows_everyone_after_many_failures_overall():
    clock = FakeClock()
    throttle = auth.Throttle(global_limit=5, global_window_s=100, clock=clock)
    for client in "abcde":
        throttle.record_failure(client)
    assert throttle.wait_time("fresh") == 100
    clock.now += 100
    assert throttle.wait_time("fresh") == 0


def test_throttle_memory_is_bounded():
    clock = FakeClock()
    throttle = auth.Throttle(max_clients=10, global_limit=10_000, clock=clock)
    for number in range(100):
        throttle.record_failure(f"client-{number}")
    assert len(throttle._clients) <= 10


# ---- commands ---------------------------------------------------------------------------------


def test_set_password_writes_only_a_hash_and_prints_no_password(tmp_path, capsys):
    path = tmp_path / "secrets.toml"
    answers = iter([PASSWORD, PASSWORD])
    args = argparse.Namespace(secrets=path)
    assert set_password.run(args, prompt=lambda _: next(answers)) == 0
    stored = tomllib.loads(path.read_text(encoding="utf-8"))["organizer_password_hash"]
    assert auth.verify_password(stored, PASSWORD)
    assert PASSWORD not in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    out = capsys.readouterr()
    assert PASSWORD not in out.out + out.err


def test_set_password_refuses_two_different_passwords(tmp_path, capsys):
    path = tmp_path / "secrets.toml"
    answers = iter([PASSWORD, "something else entirely"])
    args = argparse.Namespace(secrets=path)
    assert set_password.run(args, prompt=lambda _: next(answers)) == 1
    assert not path.exists()
    assert "differ" in capsys.readouterr().err


def test_set_password_runs_from_the_command_line_with_getpass(monkeypatch, tmp_path, capsys):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda _: next(answers))
    path = tmp_path / "s.toml"
    assert main(["set-password", "--secrets", str(path)]) == 0
    assert auth.verify_password(
        tomllib.loads(path.read_text())["organizer_password_hash"], PASSWORD
    )
    assert PASSWORD not in capsys.readouterr().out


def test_serve_prints_a_link_and_hands_streamlit_only_the_digest(capsys):
    launched = {}

    def launch(command, env):
        launched.update(command=command, env=env)

    args = argparse.Namespace(port=8765, address="")
    assert serve.run(args, launch=launch) == 0
    printed = capsys.readouterr().out
    link = next(word for word in printed.split() if word.startswith("http://"))
    assert link.startswith("http://localhost:8765/?organizer=")
    token = link.split("organizer=", 1)[1]
    assert launched["env"][auth.TOKEN_HASH_ENV] == auth.token_digest(token)
    assert token not in " ".join(launched["command"])
    assert token not in "".join(f"{k}={v}" for k, v in launched["env"].items())
    assert launched["command"][1:4] == ["-m", "streamlit", "run"]
    assert launched["command"][-2:] == ["--server.port", "8765"]


def test_serve_link_points_at_a_loopback_address():
    assert serve.organizer_link("T", 8501, "0.0.0.0") == "http://localhost:8501/?organizer=T"
    assert serve.organizer_link("T", 8501, "127.0.0.1") == "http://127.0.0.1:8501/?organizer=T"
    assert serve.organizer_link("T", 8501, "::1") == "http://[::1]:8501/?organizer=T"
    assert serve.organizer_link("T", 8501, "192.168.1.5").startswith("http://localhost:")


# ---- the sign-in in the app (AppTest) -----------------------------------------------------------


@pytest.fixture
def fresh_server_state():
    """Throttle and spent links live as long as the server process: each test starts afresh."""
    import streamlit as st

    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def _signin_page(password_hash: str | None = None, secrets: dict | None = None, user=None):
    app = new_app("en")
    if password_hash:
        app.secrets[auth.PASSWORD_HASH_KEY] = password_hash
    for name, value in (secrets or {}).items():
        app.secrets[name] = value
    if user is not None:
        app.user = user
    app.run()
    app.switch_page("pages/signin.py")
    return app.run()


def _try_password(app, password: str, name: str = ""):
    app.text_input(key="organizer_name").set_value(name)
    app.text_input(key="organizer_password").set_value(password)
    return app.button(key="organizer_submit").click().run()


def test_the_link_works_once_then_never_again(organizer_env, fresh_server_state, monkeypatch):
    token, digest = auth.new_token()
    monkeypatch.setenv(auth.TOKEN_HASH_ENV, digest)
    first = new_app(organizer=token)
    first.run()
    assert not first.exception, first.exception
    assert titles(first) == ["Organizers"]
    second = new_app(organizer=token)
    second.run()
    assert "Organizers" not in titles(second)
    assert "already used" in second.toast[0].value


def test_the_link_is_refused_from_another_computer(organizer_env, fresh_server_state, monkeypatch):
    monkeypatch.setattr("ui.signin._client_address", lambda: REMOTE_ADDRESS)
    token, digest = auth.new_token()
    monkeypatch.setenv(auth.TOKEN_HASH_ENV, digest)
    remote = new_app(organizer=token)
    remote.run()
    assert "Organizers" not in titles(remote)
    assert "organizer" not in remote.query_params
    monkeypatch.setattr("ui.signin._client_address", lambda: None)
    local = new_app(organizer=token)
    local.run()
    assert titles(local) == ["Organizers"]  # the refused attempt did not spend it


def test_password_sign_in_and_sign_out(organizer_env, fresh_server_state):
    app = _signin_page(auth.hash_password(PASSWORD))
    assert titles(app) == ["Organizer sign-in"]
    app = _try_password(app, PASSWORD, "Salma <b>B.</b>")
    assert titles(app) == ["Organizers"]
    assert "Signed in: Salma \\<b\\>B\\.\\</b\\>" in [c.value for c in app.caption]
    app.button(key="organizer_sign_out").click().run()
    assert "Organizers" not in titles(app)
    assert "footprint_organizer" not in app.session_state or (
        app.session_state["footprint_organizer"].organizer is None
    )


def test_wrong_passwords_are_throttled(organizer_env, fresh_server_state):
    app = _signin_page(auth.hash_password(PASSWORD))
    for _ in range(3):
        app = _try_password(app, "not the password")
        assert [e.value for e in app.error] == ["Wrong password."]
    app = _try_password(app, PASSWORD)  # right, but too soon after three failures
    assert app.error[0].value.startswith("Too many attempts: try again in ")
    assert titles(app) == ["Organizer sign-in"]


def test_no_password_configured_says_how_to_get_in(organizer_env, fresh_server_state):
    app = _signin_page()
    assert not app.text_input
    assert "set-password" in app.info[0].value
    assert any("one-time link" in caption.value for caption in app.caption)


def test_password_from_the_environment(organizer_env, fresh_server_state, monkeypatch):
    monkeypatch.setenv(auth.PASSWORD_HASH_ENV, auth.hash_password(PASSWORD))
    app = _try_password(_signin_page(), PASSWORD)
    assert titles(app) == ["Organizers"]


def _everything_shown(app) -> str:
    kinds = ("title", "header", "subheader", "markdown", "caption", "code", "text")
    kinds += ("error", "warning", "info", "success", "toast", "text_input")
    return "\n".join(str(element.value) for kind in kinds for element in app.get(kind))


def test_no_secret_reaches_logs_output_or_page(
    organizer_env, fresh_server_state, monkeypatch, caplog, capfd
):
    caplog.set_level(logging.DEBUG)
    app = _try_password(_signin_page(auth.hash_password(PASSWORD)), PASSWORD)
    assert titles(app) == ["Organizers"]
    assert "organizer_password" not in app.session_state  # the form is gone, and its value
    token, digest = auth.new_token()
    monkeypatch.setenv(auth.TOKEN_HASH_ENV, digest)
    linked = new_app(organizer=token)
    linked.run()
    assert titles(linked) == ["Organizers"]
    assert "organizer" not in linked.query_params
    captured = capfd.readouterr()
    seen = "\n".join(
        [caplog.text, captured.out, captured.err, _everything_shown(app), _everything_shown(linked)]
    )
    assert PASSWORD not in seen
    assert token not in seen and digest not in seen


OIDC_SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test-only-cookie-secret-0123456789",
        "client_id": "test",
        "client_secret": "test",
        "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
    },
    "organizers": ["Organizer@Example.org"],
}


def test_openid_connect_offers_the_login_button(organizer_env, fresh_server_state):
    app = _signin_page(secrets=OIDC_SECRETS, user={"is_logged_in": False})
    assert [b.label for b in app.button if b.key == "organizer_oidc"] == [
        "Sign in with the organization's account"
    ]


def test_openid_connect_lets_in_only_the_allow_list(organizer_env, fresh_server_state):
    listed = {"is_logged_in": True, "email": "organizer@example.org", "email_verified": True}
    app = new_app()
    app.secrets.update(OIDC_SECRETS)
    app.user = listed
    app.run()
    app.switch_page("pages/organizers.py").run()
    assert titles(app) == ["Organizers"]
    signed_in = f"Signed in: {escape_markdown('organizer@example.org')}"
    assert signed_in in [c.value for c in app.caption]
    stranger = {"is_logged_in": True, "email": "someone@example.org", "email_verified": True}
    app = _signin_page(secrets=OIDC_SECRETS, user=stranger)
    assert "is not on the organizers' list" in app.warning[0].value
    with pytest.raises(ValueError):
        app.switch_page("pages/organizers.py")


def test_behind_our_proxy_failures_are_counted_per_visitor_address():
    """HAProxy (make serve) replaces X-Forwarded-For with the address it saw; elsewhere a
    client could write that header itself, so it never decides whose failures these are."""
    assert auth.throttle_key(None, "203.0.113.7", behind_proxy=True) == "203.0.113.7"
    assert auth.throttle_key(None, "198.51.100.1, 203.0.113.7", behind_proxy=True) == (
        "203.0.113.7"
    )
    assert auth.throttle_key(None, "203.0.113.7", behind_proxy=False) == "loopback"
    assert auth.throttle_key("192.0.2.4", "203.0.113.7", behind_proxy=False) == "192.0.2.4"
    assert auth.throttle_key(None, None, behind_proxy=True) == "loopback"


def test_signing_out_on_the_map_keeps_the_map_page_whole(organizer_env, monkeypatch):
    """A sign-out forgets the organizer, not that this browser's map was on screen: its frame
    has reported once and will not again, so the map page must not wait for it
    (ui/map_first.py)."""
    app = signed_in_by_link(monkeypatch)
    app.switch_page("pages/map.py").run()
    assert app.sidebar.multiselect
    app.button(key="organizer_sign_out").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.sidebar.multiselect
    assert app.metric
