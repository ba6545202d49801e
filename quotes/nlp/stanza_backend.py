"""The stanza backend: for users who have stanza's French models (they cannot be downloaded here).

`from_stanza` is the adapter and needs no model: it turns any stanza `Document` (a parsed one,
or one built from CoNLL-U with `CoNLL.conll2doc` then `build_ents()`) into our `Doc`. Mind
that UD splits `du`/`au` into two words: both words keep the surface token's offsets.
"""
from __future__ import annotations

from typing import Sequence

from ..errors import ModelMissing, QuotesError
from .doc import Doc, EntitySpan, Token, build_sentences, forbid_breaks, mend_breaks

_HINT = ("stanza's French models are not installed: pip install 'quotes[stanza]', then "
         "stanza.download('fr') on a machine that reaches its model hub (or use --backend spacy)")


def _aligned(text: str, tokens: list, offset: int) -> list[tuple[int, int]]:
    """Char offsets of stanza tokens: theirs when present, else found in `text` from a cursor."""
    spans, cursor = [], offset
    for tok in tokens:
        start, end = getattr(tok, "start_char", None), getattr(tok, "end_char", None)
        if start is not None and end is not None:
            spans.append((offset + start, offset + end))
            cursor = offset + end
            continue
        found = text.find(tok.text, cursor)
        if found < 0:
            raise QuotesError(f"stanza token {tok.text!r} not found in the text after offset {cursor}")
        spans.append((found, found + len(tok.text)))
        cursor = found + len(tok.text)
    return spans


def from_stanza(sdoc, text: str | None = None, offset: int = 0,
                guards: Sequence[tuple[int, int]] = (), out: Doc | None = None) -> Doc:
    """Append a stanza Document to `out` (a new Doc over `text` by default)."""
    text = text if text is not None else (sdoc.text or "")
    out = out if out is not None else Doc(text)
    starts = [out.sents[t.sent].first == t.i for t in out.tokens] if out.sents else []
    flat = [tok for sent in sdoc.sentences for tok in sent.tokens]
    spans = dict(zip(map(id, flat), _aligned(text, flat, offset)))
    tok_index: dict[int, list[int]] = {}
    for sent in sdoc.sentences:
        word_index: dict[int, int] = {}
        first = True
        for tok in sent.tokens:
            start, end = spans[id(tok)]
            mwt = len(tok.words) > 1
            for word in tok.words:
                i = len(out.tokens)
                word_index[word.id] = i
                tok_index.setdefault(id(tok), []).append(i)
                out.tokens.append(Token(
                    i=i, text=word.text, start=start, end=end, lemma=word.lemma or word.text,
                    pos=word.upos or "X", morph=word.feats or "", head=i, dep=word.deprel or "dep",
                    ent=_ent_label(getattr(tok, "ner", None)), mwt=mwt,
                ))
                starts.append(first)
                first = False
        for tok in sent.tokens:
            for word in tok.words:
                if word.head:
                    out.tokens[word_index[word.id]].head = word_index[word.head]
    for ent in getattr(sdoc, "ents", []) or []:
        idx = [i for tok in ent.tokens for i in tok_index.get(id(tok), [])]
        if idx:
            out.ents.append(EntitySpan(ent.type, out.tokens[idx[0]].start, out.tokens[idx[-1]].end,
                                       idx[0], idx[-1] + 1))
    out.sents = build_sentences(out.tokens, forbid_breaks(out.tokens, mend_breaks(out.text, out.tokens, starts),
                                                   list(guards)))
    return out


def _ent_label(tag: str | None) -> str:
    if not tag or tag == "O":
        return ""
    return tag.split("-", 1)[-1]


class StanzaBackend:
    name = "stanza"

    def __init__(self, lang: str = "fr", pipeline=None):
        self.nlp = pipeline if pipeline is not None else self._load(lang)

    @staticmethod
    def _load(lang: str):
        try:
            import stanza
        except ImportError:
            raise ModelMissing("stanza is not installed", "pip install 'quotes[stanza]'") from None
        try:
            return stanza.Pipeline(lang, processors="tokenize,mwt,pos,lemma,depparse,ner",
                                   download_method=None, verbose=False)
        except Exception:  # stanza raises several types for a missing model; all mean the same here
            raise ModelMissing(f"stanza model for {lang!r} is not available", _HINT) from None

    def parse(self, text: str, regions: Sequence[tuple[int, int]], guards: Sequence[tuple[int, int]]) -> Doc:
        out = Doc(text)
        for a, b in regions:
            from_stanza(self.nlp(text[a:b]), text, offset=a, out=out)
        starts = [t.i == out.sents[t.sent].first for t in out.tokens]
        out.sents = build_sentences(out.tokens, forbid_breaks(out.tokens, mend_breaks(out.text, out.tokens, starts),
                                                   list(guards)))
        return out
