"""The exception hierarchy: catch ``KlaimError`` to handle anything klaim raises on purpose."""

from __future__ import annotations

from dataclasses import dataclass, field


class KlaimError(Exception):
    """Base class of every error klaim raises deliberately."""


class InputError(KlaimError):
    """An input file or value cannot be read: empty, binary, not UTF-8, too large, malformed."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class ArticleTooLarge(InputError):
    """An article longer than the extraction limit (``klaim.extraction.text.MAX_ARTICLE_CHARS`` by default).

    Raised before any work is done, so a corpus build can report the article and go on.
    """

    def __init__(self, size: int, limit: int, path: str | None = None):
        self.size = size
        self.limit = limit
        super().__init__(f"article is {size:,} characters; the limit is {limit:,} "
                         "(pass max_chars= to raise it)", path)


@dataclass(frozen=True)
class Problem:
    """One invalid value: where it is (file, record, field) and why it is wrong."""

    file: str
    record: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: record {self.record}: {self.field}: {self.reason}"


@dataclass
class ValidationReport(Exception):
    """Every problem found in one pass: validation never stops at the first error."""

    problems: list[Problem] = field(default_factory=list)
    checked: int = 0
    files: dict[str, int] = field(default_factory=dict)  # records checked per file

    def count(self, file: str) -> None:
        self.checked += 1
        self.files[file] = self.files.get(file, 0) + 1

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        head = f"{len(self.problems)} problem(s) in {self.checked} record(s)"
        return "\n".join([head, *(str(p) for p in self.problems)])


class SchemaError(KlaimError):
    """Records do not satisfy the schema; ``report`` lists all of them."""

    def __init__(self, report: ValidationReport):
        self.report = report
        super().__init__(str(report))


class ReleaseError(KlaimError):
    """A release cannot be written: it exists with other content, or the layout is broken."""


class InputWarning(UserWarning):
    """Something about the input the user should know, that does not stop a build: fields kept
    as metadata, a language detected or contradicted by the text."""
