"""Organizer sign-in (/signin, never in the menu): the ways in configured on this server."""

from ui import signin

signin.sign_in_page()
