"""`Coding`: what an event mention is coded as (PLOVER type, mode, CAMEO code, modality).

The rules pass one frozen value from step to step (classification, framing, refinement, the
manual's modality conventions) instead of loose tuples, so each step says what it changes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsgraph.model import Modality


@dataclass(frozen=True, slots=True)
class Coding:
    event_type: str
    mode: str | None = None
    cameo: str | None = None
    """The CAMEO code as the rules chose it (`cameo.cameo_for` fills in a missing one)."""
    modality: Modality = "asserted"

    def recoded(
        self, event_type: str, mode: str | None, cameo: str | None, modality: Modality | None = None
    ) -> Coding:
        """The same mention coded as another type (modality kept unless given)."""
        return replace(
            self,
            event_type=event_type,
            mode=mode,
            cameo=cameo,
            modality=self.modality if modality is None else modality,
        )
