"""Reading a file, or stdin, as an article's text: the bytes must be UTF-8 text, kept exactly.

Nothing is repaired: a BOM, a NUL byte or a wrong encoding would shift or corrupt offsets, so each
is refused with a line that says what to do.
"""

from __future__ import annotations

from pathlib import Path

from klaim.errors import InputError

MAX_FILE_BYTES = 256 * 1024 * 1024  # far beyond any article; guards against reading a disk image


def read_text_file(path: Path, max_bytes: int = MAX_FILE_BYTES, allow_bom: bool = False,
                   allow_empty: bool = False) -> str:
    """The file's text, or an ``InputError`` saying plainly why it cannot be an article."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from exc
    if size == 0 and not allow_empty:
        raise InputError("file is empty", str(path))
    if size > max_bytes:
        raise InputError(f"file is {size:,} bytes; the limit is {max_bytes:,}", str(path))
    return decode_text(path.read_bytes(), str(path), allow_bom=allow_bom, allow_empty=allow_empty)


def decode_text(data: bytes, source: str, allow_bom: bool = False, allow_empty: bool = False) -> str:
    """Bytes of a file or of stdin as text; ``InputError`` for binary, non-UTF-8 or blank input."""
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere, not only near the start: a NUL cannot be part of an article
        raise InputError(f"file is binary (NUL byte at offset {nul}), not text", source)
    try:
        text = data.decode("utf-8")  # strict: UTF-8-encoded surrogates are refused here too
    except UnicodeDecodeError as exc:
        raise InputError(
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`", source) from exc
    if text.startswith("\ufeff") and not allow_bom:
        # A BOM is an encoding artefact, but dropping it would shift every offset: refuse instead.
        raise InputError("file starts with a UTF-8 byte-order mark; save it without one", source)
    if not text.strip() and not (allow_empty and not text):
        raise InputError("file holds only whitespace" if text else "input is empty", source)
    return text
