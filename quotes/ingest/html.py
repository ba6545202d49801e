"""HTML pages: trafilatura finds the main text and the metadata (title, date, site).

The article's `text` is trafilatura's extracted text, and every offset indexes that text (which
`quotes extract --with-text` writes along the records). The HTML itself is never an offset base.
"""
from __future__ import annotations

from ..model import Article
from .text import InputError


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head or "<head" in head)


def parse(html: str, doc_id: str, source: str, url: str | None = None, **meta: str | None) -> Article | InputError:
    """The article in `html`, or why there is none. `meta` (title, date, outlet) overrides trafilatura's."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_recall=True)
    except Exception as e:  # trafilatura and lxml raise many kinds of errors on broken markup
        return InputError(source, f"unreadable HTML ({type(e).__name__})")
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        return InputError(source, "no article text found in the HTML")
    return Article(
        doc_id=doc_id, text=text,
        url=url or found.url,
        outlet=meta.get("outlet") or found.sitename or found.hostname,
        date=meta.get("date") or found.date,
        title=meta.get("title") or found.title,
    )


__all__ = ["looks_like_html", "parse"]
