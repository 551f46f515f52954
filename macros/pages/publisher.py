"""Who publishes the site: `extra.publisher` in mkdocs.yml, shown in the footer, on About and on
the accessibility page. Pure functions, tested without MkDocs.

The repository ships a placeholder: `scripts/build.py` prints a note while it is there, and a
publishing build (`PUBLISH=true make build`) refuses to run with it.
"""

from __future__ import annotations

import datetime
import os
from urllib.parse import urlsplit

from macros.pages.markdown import esc

# The placeholder the repository ships: its name, and contacts at the reserved `.example` domain.
PLACEHOLDER_NAME = "Your organisation (placeholder: set extra.publisher in mkdocs.yml)"
FIELDS = ("name", "contact", "last_reviewed", "relationship")

REFUSAL = (
    "Not published: mkdocs.yml still names the placeholder publisher. Set extra.publisher "
    "(name, contact, last_reviewed, relationship) to your organisation's details, then build again."
)
NOTE = (
    "NOTE: the publisher in mkdocs.yml (extra.publisher) is the repository's placeholder. The site "
    "built, but do not publish it: set your organisation's name, contact and review date first. "
    "PUBLISH=true make build refuses to build until you do."
)


def is_placeholder(publisher: dict | None) -> bool:
    publisher = publisher or {}
    contact = str(publisher.get("contact") or "")
    host = (urlsplit(contact).hostname or "" if "://" in contact else contact.rpartition("@")[2]).lower()
    return (
        not all(publisher.get(f) for f in FIELDS)
        or publisher.get("name") == PLACEHOLDER_NAME
        or host.endswith(".example") or host in ("example.org", "example.com", "example.net")
    )


def publishing() -> bool:
    return os.environ.get("PUBLISH", "").strip().lower() in ("1", "true", "yes")


def reviewed(publisher: dict) -> str:
    """The date the content was last reviewed, as "26 November 2026"."""
    value = publisher.get("last_reviewed")
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            return value
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%B %Y}"
    return str(value or "")


def contact_href(contact: str) -> str:
    """A contact is an email address or a web address."""
    return contact if "://" in contact else f"mailto:{contact}"


def contact_link(publisher: dict) -> str:
    contact = str(publisher.get("contact") or "")
    label = contact.removeprefix("https://").removeprefix("http://")
    return f'<a href="{esc(contact_href(contact))}">{esc(label)}</a>'


def publisher_block(publisher: dict) -> str:
    """Who publishes the site, how to reach them, when the content was last reviewed and how the
    site relates to NSPCC and SCIE: HTML, every value escaped."""
    return (
        '<dl class="scr-publisher">\n'
        f"<dt>Published by</dt><dd>{esc(str(publisher.get('name') or ''))}</dd>\n"
        f"<dt>Contact</dt><dd>{contact_link(publisher)}</dd>\n"
        f"<dt>Content last reviewed</dt><dd>{esc(reviewed(publisher))}</dd>\n"
        f"<dt>Relationship to NSPCC and SCIE</dt><dd>{esc(str(publisher.get('relationship') or ''))}</dd>\n"
        "</dl>"
    )


def footer_values(publisher: dict) -> dict:
    """What the footer (overrides/partials/copyright.html) shows, as plain strings: the theme
    escapes them."""
    contact = str(publisher.get("contact") or "")
    return {
        "name": str(publisher.get("name") or ""),
        "contact": contact.removeprefix("https://").removeprefix("http://"),
        "href": contact_href(contact),
        "reviewed": reviewed(publisher),
        "relationship": str(publisher.get("relationship") or ""),
    }
