"""Union–find over what sources said, with human must-link and cannot-link constraints.

Items are keyed by ``(source_id, local id)``. ``Links.same`` pairs are joined first;
afterwards no union may put both sides of a ``Links.apart`` pair into one group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Key = tuple[str, str]
Side = frozenset[Key]


@dataclass
class Links:
    """Constraints from judgements: pairs of item sets to join, or to keep apart."""

    same: list[tuple[Side, Side]] = field(default_factory=list)
    apart: list[tuple[Side, Side]] = field(default_factory=list)


class Groups:
    """Disjoint groups of items ``0..n-1``; :meth:`union` refuses a join a judgement forbids."""

    def __init__(self, keys: list[Key], links: Links | None = None) -> None:
        self._parent = list(range(len(keys)))
        self._members: dict[int, set[int]] = {i: {i} for i in range(len(keys))}
        at: dict[Key, list[int]] = {}
        for i, k in enumerate(keys):
            at.setdefault(k, []).append(i)
        links = links or Links()

        def items(side: Side) -> set[int]:
            return {i for k in side for i in at.get(k, ())}

        self._apart = [(items(a), items(b)) for a, b in links.apart]
        for a, b in links.same:
            chain = sorted(items(a) | items(b))
            for i in chain[1:]:
                self.union(chain[0], i)

    def find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        """Join the groups of ``i`` and ``j`` unless a judgement keeps them apart."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        mi, mj = self._members[ri], self._members[rj]
        for a, b in self._apart:
            if (a & mi and b & mj) or (b & mi and a & mj):
                return False
        if rj < ri:
            ri, rj, mi, mj = rj, ri, mj, mi
        self._parent[rj] = ri
        mi |= mj
        del self._members[rj]
        return True

    def groups(self) -> list[list[int]]:
        """Every group as sorted item indices, in the order of their first item."""
        return sorted(sorted(m) for m in self._members.values())
