"""Interviews in question-and-answer layout: each answer is a quote of the interviewee (rule
`interview`), with no marks and no cue.

    LE JOURNAL. - Faut-il comparer ce mouvement aux populismes ?
    Ivan PETROV. - Dans le sillage de la crise, nous avons assisté…
    Vous êtes de cet avis ?
    Oui, car elle oblige le pouvoir à ouvrir les yeux…

An article is an interview when a paragraph opens with the interviewee's name as a label
(`Name. -`, `Name :`, `R :`) right after a question, or when at least two questions are each
answered by a paragraph of their own under an `Q :`/`R :` or dash layout. From then on, a
paragraph that ends with a question mark is the interviewer's; the paragraphs after it, up to
the next question, are answers. Teasers (`Lire aussi…`) and bylines end an answer.
"""
from __future__ import annotations

import regex

from ..candidate import Candidate
from ..direct import trim_content
from ..entities.mentions import build
from ..marks import MarkSpan
from ..nlp import Doc
from ..segments import paragraphs

# A turn label at a paragraph's start: "Ivan PETROV. - ", "Jean Viard: ", "R : ", "— "
LABEL = regex.compile(r"(?P<label>(?:\p{Lu}[\p{L}'’.-]*)(?:[ \u00a0]+(?:de |d'|le |la )?\p{Lu}[\p{L}'’.-]*){0,3})"
                      r"[ \u00a0]*(?:\.[ \u00a0]*[-–—]|[ \u00a0]*[-–—]|[ \u00a0]*:)[ \u00a0]+(?=\S)")
ANSWER_LABELS = {"r", "réponse"}
QUESTION_LABELS = {"q", "question"}
DASH = regex.compile(r"[-–—][ \u00a0]+(?=\S)")
STOP = regex.compile(r"(?i)(?:\b(?:lire aussi|lire également|à lire|voir aussi|propos recueillis|retrouvez)\b|^» )")


def _turns(text: str) -> list[tuple[int, int, str | None, int]]:
    """Each paragraph: (start, end, label or None, where its words begin)."""
    out = []
    for a, b in paragraphs(text, []):
        a += len(text[a:b]) - len(text[a:b].lstrip())
        m = LABEL.match(text, a, b)
        if m and len(m.group("label")) <= 45:
            out.append((a, b, m.group("label"), m.end()))
            continue
        d = DASH.match(text, a, b)
        out.append((a, b, "—" if d else None, d.end() if d else a))
    return out


def _is_question(text: str, a: int, b: int) -> bool:
    """The interviewer's turn ends with a question mark of its own (not one inside closing marks)."""
    return text[a:b].rstrip(" \u00a0\t").endswith("?")


def from_interviews(doc: Doc, spans: list[MarkSpan]) -> list[Candidate]:
    text = doc.text
    if "?" not in text:
        return []  # no question, no interview (a shortcut past reading the paragraphs)
    turns = _turns(text)
    asked = [_is_question(text, a, b) for a, b, _, _ in turns]
    # the interviewee: a named label on a paragraph that follows a question and is not one
    who = None
    for k in range(1, len(turns)):
        label = turns[k][2]
        if label and label != "—" and asked[k - 1] and not asked[k] and label.lower().rstrip(".") not in \
                QUESTION_LABELS and len(label.split()) >= 1 and _person_label(label):
            who = k
            break
    answered = sum(1 for k in range(1, len(turns)) if asked[k - 1] and not asked[k]
                   and turns[k][2] in ("—", "R", "Réponse"))
    if who is None and answered < 2:
        return []
    first = who if who is not None else next(k for k in range(1, len(turns)) if asked[k - 1] and not asked[k])
    speaker = _label_mention(doc, turns[who]) if who is not None else None
    out: list[Candidate] = []
    in_answer = True
    for k in range(first, len(turns)):
        a, b, label, words = turns[k]
        if asked[k] or (label and label.lower().rstrip(".") in QUESTION_LABELS):
            in_answer = True  # the next paragraphs answer this question
            continue
        if not in_answer or not (k == first or asked[k - 1] or out and out[-1].end >= turns[k - 1][0]):
            continue
        stop = STOP.search(text, words, b)
        end = stop.start() if stop else b
        s, e = trim_content(text, words, end)
        if stop:
            in_answer = False
        if e - s < 20 or any(sp.depth == 0 and sp.open_start <= s and e <= sp.close_end for sp in spans):
            continue
        if out and out[-1].end >= turns[k - 1][0] and not asked[k - 1]:
            out[-1].end = out[-1].outer_end = e  # the answer goes on in the next paragraph
            continue
        q = Candidate("indirect", s, e, outer_start=s, outer_end=e, found_by="interview")
        q.speaker = speaker
        out.append(q)
    return out


def _person_label(label: str) -> bool:
    """A name as a label (Ivan PETROV, Jean Viard), not an outlet or a section word (LE JOURNAL)."""
    words = label.replace("\u00a0", " ").split()
    if len(words) < 2 or words[0].lower() in ("le", "la", "les", "l'"):
        return False
    return words[0][:1].isupper() and any(c.islower() for c in words[0])


def _label_mention(doc: Doc, turn):
    a, _, label, _ = turn
    first = doc.token_at(a)
    if first is None:
        return None
    last = first
    end = a + len(label)
    while last < len(doc.tokens) and doc.tokens[last].end <= end:
        last += 1
    return build(doc, first, last) if last > first else None
