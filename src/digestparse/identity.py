"""Which papers are one paper: equal keys or equal ``paper_id`` values, followed both ways.

A union-find over keys and ids: a paper joins its key and its id, so
key A — id X — key B puts every paper with A, X or B in one group.
"""

from __future__ import annotations

from collections.abc import Iterable


def identity_groups(pairs: Iterable[tuple[str, str | None]]) -> list[int]:
    """For each ``(key, paper_id)``, the number of its group; groups are numbered
    0, 1, … in the order of their first member."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        root = parent.setdefault(node, node)
        while root != parent[root]:
            root = parent[root]
        while node != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    nodes: list[tuple[str, str]] = []
    for key, paper_id in pairs:
        node = ("key", key)
        root = find(node)
        if paper_id:
            other = find(("id", paper_id))
            if other != root:
                parent[other] = root
        nodes.append(node)
    numbers: dict[tuple[str, str], int] = {}
    return [numbers.setdefault(find(node), len(numbers)) for node in nodes]
