"""An entity of the article (a person, a body, an unnamed source) and what a mention resolves to."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import lexicon
from ..lexicon import fold


@dataclass
class Entity:
    id: int
    kind: str
    key: str
    names: list[str] = field(default_factory=list)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (char position, role)
    positions: list[int] = field(default_factory=list)
    gender: str = "x"
    implied: set[str] = field(default_factory=set)  # roles a title implies (Me → avocat), for matching only
    barred: set[str] = field(default_factory=set)  # role heads the article says are others' (les avocats de X)

    @property
    def name(self) -> str | None:
        """The fullest name; None for an unnamed source (une responsable des communications)."""
        if not self.names:
            return None
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    @property
    def named_enough(self) -> bool:
        """Named in full, or by a first name alone as vox pops name people (Kevin, 27 ans): one a
        description can go back to (not a lone Facebook or a lone surname)."""
        name = self.name or ""
        return len(name.split()) >= 2 or fold(name) in lexicon.first_names()

    # Positions and roles are recorded as the model meets them, not in text order (a definite
    # description is linked after the names, a pronoun when its quote is resolved): order by position.
    def role_near(self, pos: int) -> str | None:
        before = [(p, n, r) for n, (p, r) in enumerate(self.roles) if p <= pos]
        if before:
            return max(before)[2]
        return min(self.roles)[1] if self.roles else None

    def last_before(self, pos: int) -> int | None:
        return max((p for p in self.positions if p < pos), default=None)


@dataclass(slots=True)
class Resolution:
    entity: Entity | None
    name: str | None
    kind: str
    role: str | None
