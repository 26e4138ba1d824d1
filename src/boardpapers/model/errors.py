"""The project's own error types: each carries a message a user can act on."""

from __future__ import annotations


class BoardpapersError(Exception):
    """Base of every error boardpapers raises on purpose."""


class UnreadableFile(BoardpapersError):
    """A file that exists but cannot be read as its format (corrupt, encrypted, empty...)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class UnsupportedFormat(BoardpapersError):
    def __init__(self, path: str, suffix: str) -> None:
        self.path = path
        self.reason = f"unsupported file type {suffix or '(no extension)'!r}"
        super().__init__(f"{path}: {self.reason}")


class QuerySyntaxError(BoardpapersError):
    """A search query the user can fix; the message says how."""


class StoreError(BoardpapersError):
    """The database could not be opened or written."""


class DatabaseError(StoreError):
    """The database refused one write (a constraint, a lost connection): that paper fails,
    the run goes on."""


class TooComplex(Exception):
    """Raised by a reader when a file passes one of its documented limits (nesting depth,
    grid spans, pages, inflated sizes); ``readers.read_bytes`` names the file and says
    "too complex: …". Not a BoardpapersError: it carries no path until then."""
