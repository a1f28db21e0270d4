"""The result of one check family: failures (each naming the broken object) and notes."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Findings:
    family: str
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: int = 0          # how many references / objects / files were looked at
    seconds: float = 0.0
    skipped: str = ""         # why the family did not run (never silently)
    partly: str = ""          # what part of it did not run, and why (shown in the summary)

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def note(self, message: str) -> None:
        self.notes.append(message)

    def count(self, n: int = 1) -> None:
        self.checked += n

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        if self.skipped:
            return f"SKIP {self.family:<11} {self.skipped}"
        state = "ok  " if self.ok else "FAIL"
        tail = f"{len(self.failures)} failure(s)" if self.failures else "no failures"
        part = f"; {self.partly}" if self.partly else ""
        return (f"{state} {self.family:<11} {self.checked:>4} checked, {tail} "
                f"({self.seconds:.1f}s){part}")
