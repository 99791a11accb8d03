"""The one exception a user's file can cause, and how a message quotes the file.

Every failure a user can cause is an `ExportError` whose text a non-technical person understands.
Messages may quote the file (a column name, a member path) so the user can see what we saw, but
never more than `QUOTE_LIMIT` characters of it: an 800 KB header once took the browser 24 s to
render inside an error box.
"""

from __future__ import annotations

import re

#: At most this many characters of the user's file appear in any message we show.
QUOTE_LIMIT = 200

EXPECTED_FILE = "LinkedIn's Connections.csv, or the whole export .zip"

# Control characters (C0, DEL, C1) and the bidirectional overrides that can make a name display
# as something else. Text from a file never carries them into the app. (Literal characters, not
# \u escapes, so pandas can hand the pattern to Arrow's RE2.)
CONTROL_RE = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_CONTROL = re.compile(CONTROL_RE)


class ExportError(ValueError):
    """A problem with the user's file, phrased for the user."""


def quote(text: object, limit: int = QUOTE_LIMIT) -> str:
    """`text` from the file, shortened for a message: control characters gone, at most `limit`
    characters (an ellipsis marks the cut)."""
    s = _CONTROL.sub(" ", str(text)).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"
