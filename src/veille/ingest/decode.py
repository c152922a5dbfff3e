"""Bytes → text: encoding detection, size limits, binary and empty input, mojibake repair.

Every reader in ``veille.ingest`` goes through here, so that a user sees the same
message for the same problem whatever the format.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from veille.errors import InputError

# UTF-8 needs at most 4 bytes a character, so a file over 4 × max_article_chars bytes
# cannot hold an acceptable article: refuse it before reading a byte of it.
BYTES_PER_CHAR = 4

# Order matters: UTF-32's BOM starts with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in text (tab, newlines, form feed excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# More than this share of control characters and the "text" is a binary file.
_MAX_CONTROL_SHARE = 0.01

# French text read as cp1252 decodes to Latin letters, typographic punctuation and
# the euro sign; anything else suggests another encoding (charset-normalizer decides).
_WESTERN = re.compile(
    r"[^\x09\x0a\x0c\x0d\x20-\x7e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d"
    r"\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    r"\u2039\u203a\u20ac\u2122]"
)
_MAX_UNWESTERN_SHARE = 0.001

# Mojibake: UTF-8 bytes that were decoded as cp1252 (Ã© for é, â€™ for ’, Å“ for œ).
# Only the lead characters of the usual French damage count (Â Ã Å for two bytes, â ï
# for three), so that a legitimate "É" before a « or a no-break space is never "repaired".
_CP1252_BYTE = {
    **{chr(b): b for b in range(0x80, 0x100)},  # Latin-1 reading (also used by some tools)
    **{bytes([b]).decode("cp1252"): b for b in range(0x80, 0x100) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)},
}
_CONTINUATION = "".join(sorted(re.escape(c) for c, b in _CP1252_BYTE.items() if 0x80 <= b <= 0xBF))
_MOJIBAKE = re.compile(rf"[ÂÃÅ][{_CONTINUATION}]|[âï][{_CONTINUATION}]{{2}}")


def read_limited(path: Path, *, max_bytes: int, where: str) -> bytes:
    """Return the bytes of a file, refusing one over max_bytes without reading it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", where=where) from None
    if size > max_bytes:
        raise InputError(too_large_reason(size, max_bytes), where=where)
    try:
        with path.open("rb") as handle:
            return read_stream(handle, max_bytes=max_bytes, where=where)
    except IsADirectoryError:
        raise InputError("is a folder, not a file", where=where) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", where=where) from None


def read_stream(stream: BinaryIO, *, max_bytes: int, where: str) -> bytes:
    """Return at most max_bytes from a stream (stdin, a pipe), refusing a longer one."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(too_large_reason(None, max_bytes), where=where)
    return data


def too_large_reason(size: int | None, max_bytes: int) -> str:
    """Say how large the input is and what the limit is."""
    limit = f"{_megabytes(max_bytes)} (max_article_chars × {BYTES_PER_CHAR} bytes)"
    advice = "split it into articles (JSONL) or raise the limit (--max-chars or VEILLE_MAX_CHARS)"
    if size is None:
        return f"input too large: more than {limit}; {advice}"
    return f"file too large: {_megabytes(size)}, limit {limit}; {advice}"


def decode_bytes(data: bytes, *, where: str, declared: str | None = None) -> str:
    """Decode an article file to text, or raise InputError saying why it is not text.

    ``declared`` is an encoding the file names itself (an HTML meta charset); it is
    tried after UTF-8, before guessing.
    """
    # 1. Nothing there: say so rather than let the parser find nothing.
    if not data.strip():
        raise InputError("empty file", where=where)
    # 2. A byte-order mark is the file's own word on its encoding.
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                reason = f"binary file, not text (bad {encoding} after its BOM)"
                raise InputError(reason, where=where) from None
            return _checked(text, where)
    # 3. NUL bytes never occur in 8-bit or UTF-8 text.
    if b"\x00" in data:
        raise InputError("binary file, not text", where=where)
    # 4. UTF-8 is by far the most common, and strict decoding rarely passes by accident.
    try:
        return _checked(repair_mojibake(data.decode("utf-8")), where)
    except UnicodeDecodeError:
        pass
    # 5. An encoding the document declares (HTML) is tried before guessing.
    if declared:
        try:
            return _checked(data.decode(declared), where)
        except (LookupError, UnicodeDecodeError):
            pass
    # 6. French in Latin-1/cp1252 is the usual non-UTF-8 case; charset-normalizer tends to
    #    call it cp1250 (à → ŕ), so cp1252 wins when its reading is plainly Western text.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and len(_WESTERN.findall(western)) <= _MAX_UNWESTERN_SHARE * len(western):
        return _checked(western, where)
    # 7. Otherwise let charset-normalizer guess; no guess at all means it is not text.
    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary file, not text (no text encoding fits)", where=where)
    return _checked(str(best), where)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252 (Ã© → é, â€™ → ’) where a run decodes back cleanly."""
    if not _MOJIBAKE.search(text):
        return text
    repaired = _MOJIBAKE.sub(_repair, text)
    if repaired == text:
        return text
    # "à" is C3 A0: its second byte is a no-break space, which later tools often turn
    # into a plain space. Once the text is known to be damaged, "Ã " is that "à".
    return _BROKEN_A_GRAVE.sub("à", repaired)


# "Ã" + two spaces: the no-break space became a space; "Ã" + one space: they were then
# collapsed into one.
_BROKEN_A_GRAVE = re.compile(r"Ã (?= )|Ã(?= )")


def _repair(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        lead = run[0].encode("cp1252")
        return (lead + bytes(_CP1252_BYTE[c] for c in run[1:])).decode("utf-8")
    except (UnicodeError, KeyError):
        return run


def _checked(text: str, where: str) -> str:
    if not text.strip():
        raise InputError("empty file", where=where)
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError("binary file, not text", where=where)
    return text


def _megabytes(size: int) -> str:
    if size < 1 << 20:
        return f"{size:,} bytes"
    return f"{size / (1 << 20):.1f} MiB"
