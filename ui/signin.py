"""Organizer sign-in in Streamlit: who is signed in, the sign-in page, and the pages an organizer
gets. The rules themselves (hashes, links, throttle, allow-list) are in footprint/auth.py.

Three ways in, any of which may be configured: OpenID Connect through st.login (an `[auth]`
section in secrets.toml, with an allow-list of e-mails), a password whose argon2 hash is in
secrets.toml or the environment, and the one-time link that `python -m footprint serve` prints,
honoured only from a browser on the same computer.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

import streamlit as st

from footprint.auth import (
    BEHIND_PROXY_ENV,
    TOKEN_HASH_ENV,
    TOKEN_PARAM,
    OneTimeLinks,
    Organizer,
    Throttle,
    allowed_emails,
    configured_password_hash,
    is_allowed,
    is_loopback,
    throttle_key,
    verify_password,
)
from footprint.i18n import format_number, t
from ui import filters, map_first
from ui.markdown import escape_markdown

STATE_KEY = "footprint_organizer"
ORGANIZERS_PAGE = "pages/organizers.py"
SIGNIN_PAGE = "pages/signin.py"
MAX_NAME_LENGTH = 80
LINK_NAME = "organizer (one-time link)"
PASSWORD_NAME = "organizer (password)"


@dataclass
class SignIn:
    """This session's sign-in: the organizer once signed in, a notice to show once (an i18n
    key), and whether to open the workspace on the next run (just after signing in)."""

    organizer: Organizer | None = None
    notice: str | None = None
    open_workspace: bool = False


@st.cache_resource
def _links() -> OneTimeLinks:
    """One per server process, so a link opens one session, whichever it is."""
    return OneTimeLinks()


@st.cache_resource
def _throttle() -> Throttle:
    return Throttle()


def _state() -> SignIn:
    if STATE_KEY not in st.session_state:
        st.session_state[STATE_KEY] = SignIn()
    return st.session_state[STATE_KEY]


def _secrets() -> dict:
    return st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}


def _client_address() -> str | None:
    """The browser's address as Streamlit reports it: None for this computer (loopback)."""
    return st.context.ip_address


def _client() -> str:
    """The throttle's key for this browser: its address (behind `make serve`'s proxy, the one
    the proxy saw), or `loopback` on this computer."""
    return throttle_key(
        _client_address(),
        st.context.headers.get("X-Forwarded-For"),
        os.environ.get(BEHIND_PROXY_ENV) == "1",
    )


def _redeem_link(state: SignIn) -> None:
    """Sign in with `?organizer=TOKEN`, and take the token out of the URL, used or not."""
    token = st.query_params.get(TOKEN_PARAM)
    if token is None:
        return
    del st.query_params[TOKEN_PARAM]
    if state.organizer is not None:
        return
    throttle, client = _throttle(), _client()
    digest = os.environ.get(TOKEN_HASH_ENV, "")
    if (
        throttle.wait_time(client) <= 0
        and is_loopback(_client_address())
        and _links().redeem(token, digest)
    ):
        throttle.record_success(client)
        state.organizer = Organizer(LINK_NAME, "link")
        state.open_workspace = True
    else:
        throttle.record_failure(client)
        state.notice = "signin_link_refused"


def _oidc_organizer(secrets_values: dict) -> Organizer | None:
    """The st.login identity, if it is on the organizers' allow-list."""
    if "auth" not in secrets_values:
        return None
    user = st.user.to_dict()
    if not user.get("is_logged_in"):
        return None
    email = str(user.get("email") or "")
    if not is_allowed(email, user.get("email_verified"), allowed_emails(secrets_values)):
        return None
    return Organizer(email, "oidc")


def current_organizer() -> Organizer | None:
    """Who is signed in, if anyone. A one-time link in the URL is seen, spent and removed
    here, so it never stays in the address bar, the history or a shared link."""
    state = _state()
    _redeem_link(state)
    if state.organizer is None:
        state.organizer = _oidc_organizer(_secrets())
    return state.organizer


def require_organizer() -> Organizer:
    """The guard at the top of every organizer page. A fresh server runs a deep link alone,
    without app.py: routed through app.py first. Anyone not signed in sees nothing."""
    filters.current()
    organizer = _state().organizer
    if organizer is None:
        st.stop()
    return organizer


def _signin_page(lang: str):
    return st.Page(
        SIGNIN_PAGE, title=t("page_signin", lang), url_path="signin", visibility="hidden"
    )


def pages(organizer: Organizer | None, lang: str) -> list:
    """The organizers' pages for st.navigation: the workspace only for a signed-in organizer,
    and the sign-in page, reachable at /signin but never in the menu."""
    found = [_signin_page(lang)]
    if organizer is not None:
        found.append(
            st.Page(
                ORGANIZERS_PAGE,
                title=t("page_organizers", lang),
                url_path="organizers",
            )
        )
    return found


def sidebar(organizer: Organizer | None, lang: str) -> None:
    """A discreet sign-in link, or who is signed in and a sign-out button."""
    with st.sidebar:
        st.divider()
        if organizer is None:
            st.page_link(_signin_page(lang), label=t("signin_link", lang))
        else:
            st.caption(t("signed_in_as", lang, name=escape_markdown(organizer.name)))
            if st.button(t("sign_out", lang), key="organizer_sign_out"):
                sign_out(organizer)


def follow_up(lang: str) -> None:
    """This session's pending notice, and the workspace opened right after a sign-in."""
    state = _state()
    if state.notice:
        st.toast(t(state.notice, lang), icon="⚠️")
        state.notice = None
    if state.open_workspace:
        state.open_workspace = False
        st.switch_page(ORGANIZERS_PAGE)


def sign_out(organizer: Organizer) -> None:
    """Forget everything this session did as an organizer (drafts included); keep what a
    public visitor has too: the filters, and that the map was shown (its frame reports once).
    An OpenID Connect identity is also logged out of its cookie."""
    for key in list(st.session_state):
        if key not in (filters.STATE_KEY, map_first.SHOWN_KEY):
            del st.session_state[key]
    if organizer.method == "oidc":
        st.logout()
    else:
        st.rerun()


def sign_in_page() -> None:
    """/signin: the ways in configured on this server."""
    lang = filters.current().lang
    if _state().organizer is not None:
        st.switch_page(ORGANIZERS_PAGE)
    st.title(t("page_signin", lang))
    st.caption(t("signin_intro", lang))
    secrets_values = _secrets()
    if "auth" in secrets_values:
        _oidc_section(secrets_values, lang)
    password_hash = configured_password_hash(secrets_values)
    if password_hash:
        _password_form(password_hash, lang)
    else:
        st.info(t("signin_no_password", lang))
    st.caption(t("signin_link_help", lang))


def _oidc_section(secrets_values: dict, lang: str) -> None:
    user = st.user.to_dict()
    if not user.get("is_logged_in"):
        if st.button(t("signin_oidc", lang), type="primary", key="organizer_oidc"):
            st.login()
        return
    if not allowed_emails(secrets_values):
        st.warning(t("signin_no_list", lang))
    else:
        email = escape_markdown(user.get("email") or "?")
        st.warning(t("signin_not_listed", lang, email=email))
    if st.button(t("sign_out", lang), key="organizer_oidc_out"):
        st.logout()


def _password_form(password_hash: str, lang: str) -> None:
    with st.form("organizer_password", clear_on_submit=True):
        name = st.text_input(
            t("signin_name", lang), max_chars=MAX_NAME_LENGTH, key="organizer_name"
        )
        password = st.text_input(
            t("signin_password", lang), type="password", key="organizer_password"
        )
        submitted = st.form_submit_button(
            t("signin_submit", lang), type="primary", key="organizer_submit"
        )
    if submitted:
        _try_password(password_hash, password, name, lang)


def _try_password(password_hash: str, password: str, name: str, lang: str) -> None:
    throttle, client = _throttle(), _client()
    wait = throttle.wait_time(client)
    if wait > 0:
        st.error(t("signin_wait", lang, seconds=format_number(math.ceil(wait), lang)))
        return
    if not verify_password(password_hash, password):
        throttle.record_failure(client)
        st.error(t("signin_wrong", lang))
        return
    throttle.record_success(client)
    state = _state()
    state.organizer = Organizer(name.strip()[:MAX_NAME_LENGTH] or PASSWORD_NAME, "password")
    state.open_workspace = True
    st.rerun()
