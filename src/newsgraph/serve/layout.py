"""Node positions for the network page, computed on the server so the page needs no script.

A small Fruchterman-Reingold spring layout: deterministic (nodes start on a circle in id
order), bounded work (at most `ITERATIONS` rounds over at most a few hundred nodes).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

ITERATIONS = 120
SIZE = 600.0
"""The drawing is a SIZE x SIZE square (SVG user units)."""
MARGIN = 40.0
GRAVITY = 0.08


def network_layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Positions (x, y) and radius per node id, and the drawing size."""
    if not nodes:
        return {"size": SIZE, "nodes": {}}
    ids = [int(n["id"]) for n in nodes]
    index = {node_id: i for i, node_id in enumerate(ids)}
    n = len(ids)
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) * (SIZE / 3)
    weight = np.zeros((n, n))
    degree = np.zeros(n)
    for e in edges:
        i, j = index[int(e["source"])], index[int(e["target"])]
        weight[i, j] += e["n_events"]
        weight[j, i] += e["n_events"]
        degree[i] += e["n_events"]
        degree[j] += e["n_events"]
    k = SIZE / math.sqrt(n)
    temperature = SIZE / 10
    for _ in range(ITERATIONS):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        near = distance < 2 * k  # repulsion only nearby, so separate groups do not fly apart
        repulse = (near * k * k / distance**2)[:, :, None] * delta
        attract = ((weight > 0) * distance / k)[:, :, None] * delta
        move = (repulse - attract).sum(axis=1)
        move -= pos * GRAVITY  # keeps unconnected pairs from drifting to the edges
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        pos += move / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.96
    low, high = pos.min(axis=0), pos.max(axis=0)
    span = np.maximum(high - low, 1e-9)
    scaled = MARGIN + (pos - low) / span * (SIZE - 2 * MARGIN)
    top = degree.max() or 1.0
    return {
        "size": SIZE,
        "nodes": {
            str(node_id): {
                "x": round(float(scaled[i, 0]), 1),
                "y": round(float(scaled[i, 1]), 1),
                "r": round(4 + 10 * math.sqrt(degree[i] / top), 1),
            }
            for node_id, i in index.items()
        },
    }
