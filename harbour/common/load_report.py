"""What loading starter data did: the report `harbour setup` prints for advice and the directory."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_editor_changes: list[str] = field(default_factory=list)

    def changed_anything(self) -> bool:
        return bool(self.created or self.updated)
