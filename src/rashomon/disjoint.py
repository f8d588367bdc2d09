"""Disjoint sets of the numbers 0..n-1, joined pair by pair: the groups of claims or figures that tell one fact.

Union-find with path halving; a join hangs the second item's root under the first's, so which root stands for a
group follows the order of the joins (callers that key groups by their root see the same keys run after run)."""

from __future__ import annotations


class DisjointSets:
    """``n`` items, each at first a group of its own."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        """The item that stands for ``i``'s group."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, keep: int, other: int) -> None:
        """One group of ``keep``'s and ``other``'s, standing under ``keep``'s root."""
        self.parent[self.root(other)] = self.root(keep)
