"""klaim: news articles → fact-checking datasets of atomic, traceable claims.

The public surface lives here; everything else is an implementation detail.
"""

from klaim.errors import InputError, KlaimError, Problem, ReleaseError, SchemaError, ValidationReport
from klaim.schema import (
    Article,
    Claim,
    ClaimType,
    Entity,
    Evidence,
    Figure,
    FigureKind,
    Modality,
    Period,
    Span,
    Speaker,
    SpeakerKind,
    TimeRef,
    Verdict,
    VerdictLabel,
)
from klaim.extraction.figures import find_figures
from klaim.extraction.claims import extract
from klaim.dataset.build import BuildSettings, build
from klaim.dataset.diff import diff_releases
from klaim.dataset.release import write_release
from klaim.dataset.validate import validate_path as validate

__version__ = "0.1.0"

__all__ = [
    "Article", "Claim", "ClaimType", "Entity", "Evidence", "Figure", "FigureKind", "InputError",
    "KlaimError", "Modality", "Period", "Problem", "ReleaseError", "SchemaError", "Span", "Speaker",
    "SpeakerKind", "TimeRef", "ValidationReport", "Verdict", "VerdictLabel", "extract",
    "find_figures", "__version__", "BuildSettings", "build", "diff_releases", "validate",
    "write_release",
]
