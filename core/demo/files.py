"""The files of a LinkedIn export, written as LinkedIn writes them (shared/formats/
linkedin-export.md): Connections.csv in four eras, messages.csv of the 2024+ era, Invitations.csv,
Profile.csv, Positions.csv, and files the app ignores (Reactions.csv, Comments.csv).
"""

from __future__ import annotations

import base64
import csv
import io
from datetime import date, datetime, timedelta
from typing import NamedTuple

import numpy as np

from .catalogue import Catalogue, Persona
from .draws import columns, pick
from .network import PROFILE, fold
from .people import People

#: The Notes preamble of every modern Connections.csv, byte for byte (3 lines, then the header).
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
#: Connections.csv layouts `connections_csv` can write (see the formats file for each era).
VARIANTS = ("modern", "no_url", "legacy", "resaved")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
#: Legacy exports carry a clock time; a fixed stride through the day keeps it deterministic.
LEGACY_MINUTE_STRIDE = 7919

# --- messages.csv -----------------------------------------------------------------------------
MESSAGE_HEADER = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
    "ATTACHMENTS",
    "IS MESSAGE DRAFT",
]
#: Chance to be in the owner's messages = propensity × TALK_RATE, at most MAX_TALK_CHANCE.
TALK_RATE, MAX_TALK_CHANCE = 1.2, 0.9
#: Days since the last message, exponential: warm contacts (propensity above WARM_PROPENSITY)
#: were written to more recently.
WARM_PROPENSITY, WARM_LAST_DAYS, COLD_LAST_DAYS = 0.2, 230, 520
#: The last interaction falls within about two years: a longer draw is redrawn in this range.
LAST_CONTACT_MAX_DAYS, LAST_CONTACT_FALLBACK = 720, (300, 720)
MESSAGES_PER_PROPENSITY = 7  # messages in a conversation: 1 + Poisson(propensity × this)
INCOMING_FIRST_SHARE = 0.5  # conversations the other person opened
ARCHIVED_SHARE = 0.2
REPLY_CHANCE = 0.8  # the next message comes from the other side
GAP_DAYS = 12  # mean days between messages of a conversation (going back in time)
WORKDAY_MINUTES = 900  # messages are written in the 15 hours before 17:30
GROUP_CHATS, GROUP_MESSAGES, GROUP_DAYS = 8, 3, (5, 300)
SPAM_ROWS, SPAM_DAYS = 12, (1, 200)  # spam (half from connections) and as many unsent drafts
CONVERSATION_ID_BYTES = 27

# --- Invitations.csv --------------------------------------------------------------------------
INVITATION_HEADER = [
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
]
INVITATION_DAYS = 365  # exports list the last 6 to 17 months of invitations
ACCEPT_DELAY_MINUTES = 60 * 24 * 4  # an invitation is accepted up to four days after it is sent
INCOMING_SHARE = 0.6  # invitations the other person sent
NOTE_SHARE = 0.15  # invitations with a note
ACCEPTED_PER_PENDING = 12  # one pending invitation per this many accepted ones
PENDING_MINUTES = (60, 60 * 24 * 60)  # pending invitations were sent up to 60 days ago

REACTIONS, REACTION_MINUTES = 40, 60 * 24 * 365
COMMENTS, COMMENT_MINUTES = 8, (60, 60 * 24 * 300)


def csv_text(header: list[str], rows: list[list[str]], *, eol: str = "\n") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=eol)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()[: -len(eol)]  # LinkedIn writes no newline after the last row


def fmt_day(d: date) -> str:
    """'07 Oct 2026': zero-padded, English month, whatever the user's language."""
    return f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year}"


def fmt_us(d: datetime) -> str:
    """'12/15/24, 7:47 AM': the US short form of old Connections.csv and of Invitations.csv."""
    hour = d.hour % 12 or 12
    half = "AM" if d.hour < 12 else "PM"
    return f"{d.month}/{d.day}/{d.year % 100:02d}, {hour}:{d.minute:02d} {half}"


def _dates(days: list[date], variant: str) -> list[str]:
    if variant == "legacy":
        return [
            fmt_us(
                datetime(d.year, d.month, d.day)
                + timedelta(minutes=(i * LEGACY_MINUTE_STRIDE) % 1440)
            )
            for i, d in enumerate(days)
        ]
    if variant == "resaved":
        return [f"{d.day}-{_MONTHS[d.month - 1]}-{d.year % 100:02d}" for d in days]
    return [fmt_day(d) for d in days]


def connections_file(p: People, variant: str = "modern") -> str:
    """Connections.csv of one era: see `VARIANTS` and core.demo.connections_csv."""
    cols = [p.first, p.last, p.url, p.email, p.company, p.position]
    header = list(HEADER)
    if variant in ("no_url", "legacy"):
        del cols[2], header[2]
    rows = [list(row) for row in zip(*cols, _dates(p.day, variant), strict=True)]
    if variant == "legacy":
        return csv_text(header, rows)
    if variant == "resaved":
        blank = "," * (len(header) - 1)
        note = PREAMBLE.splitlines()[1]
        return (
            f"Notes:{blank}\r\n{note}{blank}\r\n{blank}\r\n"
            + csv_text(header, rows, eol="\r\n")
            + "\r\n"
        )  # spreadsheets end lines
    return PREAMBLE + csv_text(header, rows)


def _conversation_id(rng: np.random.Generator) -> str:
    raw = bytes(rng.integers(0, 256, CONVERSATION_ID_BYTES, dtype=np.uint8).tolist())
    return "2-" + base64.b64encode(raw).decode()


def _stamp(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S UTC")


def _name(p: People, i: int) -> str:
    return f"{p.first[i].strip()} {p.last[i].strip()}".strip()


class MessageDraws(NamedTuple):
    talks: np.ndarray  # in the owner's messages at all
    incoming_first: np.ndarray  # INCOMING_FIRST_SHARE
    archived: np.ndarray  # ARCHIVED_SHARE


def _last_contact_days(rng: np.random.Generator, propensity: float, since: float) -> float:
    """Days between the last message and the export: warm contacts more recently."""
    scale = WARM_LAST_DAYS if propensity > WARM_PROPENSITY else COLD_LAST_DAYS
    ago = rng.exponential(scale)
    if ago > LAST_CONTACT_MAX_DAYS:
        ago = rng.uniform(*LAST_CONTACT_FALLBACK)
    return min(ago, since)  # no message before connecting


def _conversation(
    rng: np.random.Generator,
    p: People,
    i: int,
    d: MessageDraws,
    owner: Persona,
    cat: Catalogue,
    end: datetime,
) -> list[list[str]]:
    """The owner's one-to-one conversation with connection i, newest message first."""
    since = max(0.0, (end.date() - p.day[i]).days - 0.5)
    ago = _last_contact_days(rng, float(p.propensity[i]), since)
    n_msgs = 1 + int(rng.poisson(p.propensity[i] * MESSAGES_PER_PROPENSITY))
    conv = _conversation_id(rng)
    incoming = bool(d.incoming_first[i] < INCOMING_FIRST_SHARE)
    folder = "ARCHIVE" if d.archived[i] < ARCHIVED_SHARE else "INBOX"
    them, me = (_name(p, i), p.url[i]), (owner.full_name, owner.url)
    rows = []
    for _ in range(n_msgs):
        minutes = int(rng.integers(0, WORKDAY_MINUTES))
        when = end - timedelta(days=ago, minutes=minutes)
        (frm, frm_url), (to, to_url) = (them, me) if incoming else (me, them)
        reader_first = owner.first_name if incoming else p.first[i]
        own_lines = owner.lines_in if incoming else owner.lines_out
        line = pick(cat.message_lines + own_lines, rng.random()).format(first=reader_first.strip())
        rows.append(
            [conv, "", frm, frm_url, to, to_url, _stamp(when), "", line, folder, "", "false"]
        )
        if rng.random() < REPLY_CHANCE:
            incoming = not incoming
        ago = min(since, ago + rng.exponential(GAP_DAYS))
    return rows


def _group_chats(
    rng: np.random.Generator,
    p: People,
    pool: list[int],
    owner: Persona,
    cat: Catalogue,
    end: datetime,
) -> list[list[str]]:
    """The owner and two or three connections; RECIPIENT PROFILE URLS comma-joined."""
    rows = []
    for g in range(min(GROUP_CHATS, len(pool) // 4)):
        members = [pool[k] for k in rng.choice(len(pool), size=2 + g % 2, replace=False)]
        people = [(owner.full_name, owner.url)] + [(_name(p, i), p.url[i]) for i in members]
        conv = _conversation_id(rng)
        title = f"{owner.company} x {p.company[members[0]].strip()}"
        for k in range(GROUP_MESSAGES):
            frm = people[(g + k) % len(people)]
            others = [who for who in people if who != frm]
            when = end - timedelta(days=float(rng.uniform(*GROUP_DAYS)))
            rows.append(
                [
                    conv,
                    title,
                    frm[0],
                    frm[1],
                    ", ".join(o[0] for o in others),
                    ",".join(o[1] for o in others),
                    _stamp(when),
                    "",
                    cat.group_line,
                    "INBOX",
                    "",
                    "false",
                ]
            )
    return rows


def _spam_and_drafts(
    rng: np.random.Generator,
    p: People,
    quiet: list[int],
    owner: Persona,
    cat: Catalogue,
    end: datetime,
) -> list[list[str]]:
    """Spam (every other one from a connection) and unsent drafts: the loader skips both."""
    rows = []
    me = (owner.full_name, owner.url)
    for k in range(min(SPAM_ROWS, len(quiet))):
        i = quiet[(k * 37) % len(quiet)]
        when = _stamp(end - timedelta(days=float(rng.uniform(*SPAM_DAYS))))
        sender = (
            (cat.spam_sender, f"{PROFILE}{fold(cat.spam_sender)}-{k}")
            if k % 2
            else (_name(p, i), p.url[i])
        )
        rows.append(
            [
                _conversation_id(rng),
                "",
                *sender,
                *me,
                when,
                "",
                cat.spam[k % len(cat.spam)],
                "SPAM",
                "",
                "false",
            ]
        )
        j = quiet[(k * 53 + 11) % len(quiet)]
        rows.append(
            [
                _conversation_id(rng),
                "",
                *me,
                _name(p, j),
                p.url[j],
                when,
                "",
                f"Hi {p.first[j].strip()}, ",
                "INBOX",
                "",
                "true",
            ]
        )
    return rows


def messages_file(
    p: People, rng: np.random.Generator, end: date, owner: Persona, cat: Catalogue
) -> str:
    """messages.csv (2024+ columns): engaged roles write more and more recently; the owner is
    one side of every conversation; a few group chats, spam and drafts."""
    end_dt = datetime(end.year, end.month, end.day, 17, 30)
    ghost = np.asarray(p.ghost, dtype=bool)
    d = columns(MessageDraws, rng, len(ghost))
    talks = (d.talks < np.minimum(MAX_TALK_CHANCE, p.propensity * TALK_RATE)) & ~ghost
    rows: list[list[str]] = []
    for i in np.flatnonzero(talks).tolist():
        rows += _conversation(rng, p, i, d, owner, cat, end_dt)
    rows += _group_chats(rng, p, np.flatnonzero(talks).tolist(), owner, cat, end_dt)
    rows += _spam_and_drafts(rng, p, np.flatnonzero(~ghost & ~talks).tolist(), owner, cat, end_dt)
    rows.sort(key=lambda row: row[6], reverse=True)
    return csv_text(MESSAGE_HEADER, rows)


def _accepted(
    rng: np.random.Generator, p: People, cutoff: date, owner: Persona, cat: Catalogue
) -> list[tuple[datetime, list[str]]]:
    """Invitations of the last year that became connections, incoming and outgoing."""
    out = []
    for i, day in enumerate(p.day):
        if day < cutoff:
            break  # rows are newest first
        if p.ghost[i]:
            continue
        delay = int(rng.integers(0, ACCEPT_DELAY_MINUTES))
        sent = datetime(day.year, day.month, day.day) - timedelta(minutes=delay)
        if sent.date() < cutoff:
            continue
        incoming = rng.random() < INCOMING_SHARE
        with_note = rng.random() < NOTE_SHARE
        note = ""
        if with_note:
            notes = cat.notes_in + owner.notes_in if incoming else cat.notes_out + owner.notes_out
            note = pick(notes, rng.random()).format(
                owner=owner.first_name, name=p.first[i].strip(), company=owner.company
            )
        them, me = (_name(p, i), p.url[i]), (owner.full_name, owner.url)
        (frm, frm_url), (to, to_url) = (them, me) if incoming else (me, them)
        direction = "INCOMING" if incoming else "OUTGOING"
        out.append((sent, [frm, to, fmt_us(sent), note, direction, frm_url, to_url]))
    return out


def _pending(
    rng: np.random.Generator, count: int, end: date, owner: Persona, cat: Catalogue
) -> list[tuple[datetime, list[str]]]:
    """Invitations to and from people who are not (yet) connections: not in Connections.csv."""
    out = []
    for k in range(count):
        minutes = int(rng.integers(*PENDING_MINUTES))
        sent = datetime(end.year, end.month, end.day) - timedelta(minutes=minutes)
        culture = cat.cultures[k % len(cat.cultures)]
        first, last = pick(culture.first, rng.random()), pick(culture.last, rng.random())
        url = f"{PROFILE}{fold(first)}-{fold(last)}-{int(rng.integers(0, 2**32)):08x}"
        them, me = (f"{first} {last}", url), (owner.full_name, owner.url)
        incoming = k % 3 != 0  # two in three pending invitations are to the owner
        (frm, frm_url), (to, to_url) = (them, me) if incoming else (me, them)
        direction = "INCOMING" if incoming else "OUTGOING"
        out.append((sent, [frm, to, fmt_us(sent), "", direction, frm_url, to_url]))
    return out


def invitations_file(
    p: People, rng: np.random.Generator, end: date, owner: Persona, cat: Catalogue
) -> str:
    """Invitations.csv: the last 12 months only, incoming and outgoing, a few with a note,
    plus pending invitations."""
    rows = _accepted(rng, p, end - timedelta(days=INVITATION_DAYS), owner, cat)
    rows += _pending(rng, max(1, len(rows) // ACCEPTED_PER_PENDING), end, owner, cat)
    rows.sort(key=lambda x: x[0], reverse=True)
    return csv_text(INVITATION_HEADER, [row for _, row in rows])


PROFILE_HEADER = [
    "First Name",
    "Last Name",
    "Maiden Name",
    "Address",
    "Birth Date",
    "Headline",
    "Summary",
    "Industry",
    "Zip Code",
    "Geo Location",
    "Twitter Handles",
    "Websites",
    "Instant Messengers",
]


def profile_file(owner: Persona) -> str:
    return csv_text(PROFILE_HEADER, [[owner.profile.get(h, "") for h in PROFILE_HEADER]])


def positions_file(owner: Persona) -> str:
    """Positions.csv: the owner's own career (it explains the network's bursts)."""
    header = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    loc = owner.profile.get("Geo Location", "")
    rows = [
        [x.company, x.title, x.description, loc, x.started, x.finished] for x in owner.positions
    ]
    return csv_text(header, rows)


def reactions_file(rng: np.random.Generator, end: date, cat: Catalogue) -> str:
    rows = []
    for _ in range(REACTIONS):
        minutes = int(rng.integers(0, REACTION_MINUTES))
        when = datetime(end.year, end.month, end.day) - timedelta(minutes=minutes)
        kind = pick(cat.reaction_types, rng.random())
        activity = int(rng.integers(7_000_000_000, 7_400_000_000)) * 1_000_000_000
        rows.append(
            [
                when.strftime("%Y-%m-%d %H:%M:%S"),
                kind,
                f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}",
            ]
        )
    rows.sort(reverse=True)
    return csv_text(["Date", "Type", "Link"], rows)


def comments_file(rng: np.random.Generator, end: date, cat: Catalogue) -> str:
    """Comments.csv, written by hand: a 2026 export escapes quotes as \\" (csv would double)."""
    lines = ["Date,Link,Message"]
    for k in range(COMMENTS):
        minutes = int(rng.integers(*COMMENT_MINUTES))
        when = datetime(end.year, end.month, end.day) - timedelta(minutes=minutes)
        note = cat.comment_notes[k % len(cat.comment_notes)]
        lines.append(
            f"{when:%Y-%m-%d %H:%M:%S},https://www.linkedin.com/feed/update/"
            f'urn:li:activity:{7_300_000_000_000_000_000 + k * 7919},"{note}"'
        )
    return "\n".join(lines)
