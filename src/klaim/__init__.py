"""klaim: news articles → fact-checking datasets of atomic, traceable claims.

The public surface lives here; everything else is an implementation detail.
"""

from klaim.dataset.build import BuildSettings, build
from klaim.dataset.diff import diff_releases
from klaim.dataset.release import write_release
from klaim.dataset.validate import validate_path as validate
from klaim.errors import InputError, KlaimError, Problem, ReleaseError, SchemaError, ValidationReport
from klaim.extraction.claims import extract
from klaim.extraction.figures import find_figures
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

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BuildSettings",
    "Claim",
    "ClaimType",
    "Entity",
    "Evidence",
    "Figure",
    "FigureKind",
    "InputError",
    "KlaimError",
    "Modality",
    "Period",
    "Problem",
    "ReleaseError",
    "SchemaError",
    "Span",
    "Speaker",
    "SpeakerKind",
    "TimeRef",
    "ValidationReport",
    "Verdict",
    "VerdictLabel",
    "__version__",
    "build",
    "diff_releases",
    "extract",
    "find_figures",
    "validate",
    "write_release",
]
