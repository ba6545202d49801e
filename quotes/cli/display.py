"""How a stored quote is shown in a terminal: the same rules as the web page (static/common.js).

Only a direct quote is put in « »: a paraphrase (indirect) is shown as plain text labelled
reported speech, a mixed quote as written, with only its own fragments in marks. An anonymous
source is named as such with its description; a quote nobody was found for says so.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from ..store import Figures, StoredQuote

TYPES = {"direct": "direct quote", "indirect": "reported speech, not verbatim",
         "mixed": "paraphrase with quoted words"}
KINDS = {"person": "person", "organization": "organisation", "anonymous": "anonymous", "unknown": "name"}


def quoted(kind: str, text: str) -> str:
    """The quote's text with marks only where the speaker's own words are."""
    return f"« {text} »" if kind == "direct" else text


def cue(text: str | None) -> str:
    """A cue as it reads mid-sentence: `Selon` at the start of a sentence is `selon`."""
    if not text:
        return ""
    acronym = len(text) > 1 and text[0].isupper() and text[1].isupper()
    return text if acronym else text[0].lower() + text[1:]


def speaker(q: StoredQuote) -> Text:
    """Name and role; `anonymous source (un haut responsable)`; or `unattributed`."""
    if q.speaker:
        who = Text(q.speaker, style="bold")
        if q.role:
            who.append(f"\n{q.role}", style="italic")
        return who
    mention = next((o.speaker_mention for o in q.occurrences if o.speaker_kind == "anonymous"), None)
    if q.speaker_kind == "anonymous" or mention:
        return Text("anonymous source", style="bold").append(f"\n{mention}" if mention else "", style="italic")
    return Text("unattributed", style="dim")


def quote(q: StoredQuote) -> Text:
    out = Text(quoted(q.type, q.text))
    out.append(f"\n{TYPES.get(q.type, q.type)} · confidence {q.confidence:.2f}", style="dim")
    return out


def articles(q: StoredQuote) -> Text:
    """One line per article: outlet (or site, or id), date."""
    lines = dict.fromkeys(" ".join(filter(None, (o.article.outlet or o.article.site or o.article.doc_id,
                                                  o.article.date))) for o in q.occurrences)
    return Text("\n".join(lines))


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f} %)" if whole else "0"


def figures(out: Console, f: "Figures") -> None:
    """Three tables: the most quoted speakers, the outlets by kind of source, the weeks."""
    out.print(f"{f.articles} articles, {f.quotes} quotes, {f.speakers} speakers", highlight=False)
    top = Table(title="Most quoted speakers")
    for col, just in (("Speaker", "left"), ("Kind", "left"), ("Quotes", "right"), ("Articles", "right")):
        top.add_column(col, justify=just)
    for s in f.top_speakers:
        top.add_row(Text(s.name, style="bold"), KINDS.get(s.kind, s.kind), str(s.quotes), str(s.articles))
    out.print(top)
    outlets = Table(title="Quotes by outlet and kind of source")
    outlets.add_column("Outlet", overflow="fold")
    for col, just in (("Quotes", "right"), ("Person", "right"), ("Organisation", "right"),
                      ("Anonymous", "right"), ("Unattributed", "right")):
        outlets.add_column(col, justify=just)
    for o in f.outlets:
        outlets.add_row(Text(o.outlet or "(no outlet)"), str(o.quotes), _share(o.person, o.quotes), _share(o.organization, o.quotes),
                        _share(o.anonymous, o.quotes), _share(o.unattributed, o.quotes))
    out.print(outlets)
    weeks = Table(title="Quotes per week (weeks start on Monday)")
    weeks.add_column("Week of")
    weeks.add_column("Quotes", justify="right")
    for w in f.weeks:
        weeks.add_row(w.label, str(w.quotes))
    out.print(weeks if f.weeks else "No dated articles: no quotes per week.")
