"""One problems type: every check collects all it finds, then raises once with every message.

Each kind of problem is a subclass of `Problems` with its heading (Indonesian, may contain
`{count}`); the messages are a list, so callers can merge several kinds into one report (the
build, `scripts/periksa.py`). `listed` is the one way a heading and its messages are written.
"""

from __future__ import annotations


def listed(heading: str, problems: list[str]) -> str:
    """A heading and its problems, one indented line each (how the build and periksa.py show them)."""
    return "\n".join([heading] + [f"  - {p}" for p in problems])


class Problems(Exception):
    """Problems found in the writers' or the organiser's input, as Indonesian messages."""

    heading = ""  # e.g. "Data di folder data/ tidak sah ({count} masalah)...": empty, the messages alone

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__(self.text())

    def text(self) -> str:
        if not self.heading:
            return "\n".join(self.problems)
        return listed(self.heading.format(count=len(self.problems)), self.problems)

    def listed_under(self, heading: str) -> str:
        """The messages under another heading (when the build reports several kinds at once)."""
        return listed(heading, self.problems)


class Collector(list):
    """Messages gathered while checking; `raise_as(Kind)` raises them together, if any."""

    def raise_as(self, kind: type[Problems]) -> None:
        if self:
            raise kind(list(self))
