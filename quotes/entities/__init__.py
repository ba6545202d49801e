"""One article-level entity model (DESIGN principle 4): mentions clustered into entities.

Persons cluster on their surname (John Kerry, M. Kerry, Kerry), bodies on their folded name
(or acronym). Each entity keeps every role the article gives it, with where. A speaker mention
resolves to an entity: a name by its key, a pronoun to the nearest agreeing person (the last
speaker first, in an incise), a role-only mention (le président syrien) to the entity that holds
that role, or an equivalent one in the same country (le chef de la diplomatie américaine → the
secrétaire d'État américain).

  entity.py      an entity and what a mention resolves to
  model.py       building the entities of one article (names, roles, bodies, acronyms)
  definites.py   definite descriptions linked back to the person they describe (part of the model)
  resolution.py  resolving a speaker mention against them (sieves.md lists the rules)
  mentions.py, phrases.py, names.py, role_spans.py, roles.py, bodies.py   reading mentions, names,
                 roles, bodies
  discourse.py   salience, current speaker and protagonist through the article
"""
from __future__ import annotations

from .entity import Entity, Resolution
from .model import EntityModel
from .roles import country_of, qualified_apart, role_concept, role_entry, role_head, surname_key

__all__ = ["Entity", "EntityModel", "Resolution", "country_of", "qualified_apart", "role_concept", "role_entry",
           "role_head", "surname_key"]
