"""Organizer sign-in rules (footprint/auth.py) and the set-password and serve commands."""

from __future__ import annotations

import argparse
import stat
import tomllib

import pytest

from footprint import auth
from footprint.__main__ import main
from footprint.commands import serve, set_password

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
