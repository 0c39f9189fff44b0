"""Bytes to text: pick the encoding, refuse binary, repair mojibake.

Scraped news arrives as UTF-8, as cp1252 from old Windows tools, or as UTF-8
that was decoded twice ("Huaweiâ€™s"). We try UTF-8 (honouring a BOM), then
charset_normalizer's guess for non-Latin scripts, then cp1252 and latin-1,
and finally let ftfy undo mojibake. Among single-byte codecs for Latin script
cp1252 always wins: on short news text the guesser often says cp852, cp775 or
cp1257, which turn "president’s" into "presidentÆs".
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

from ..errors import InputError

# Curly quotes are part of the article; keep them (ftfy straightens them by default).
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset_normalizer guesses among these for short Western text; cp1252 is the usual truth.
_WESTERN = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "mac_roman", "cp850", "ascii"}
# What ftfy could change: UTF-8 read as cp1252/latin-1 (a lead byte char then a
# continuation char), C1 controls, HTML entities, ligatures, full-width forms, surrogates.
_FIXABLE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f\x00-\x08\x0b\x0e-\x1f\x7f\ufb00-\ufb06\uff01-\uff5e\ud800-\udfff\ufffd]|&#?\\w+;"
)
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SAMPLE = 8192
_CONTROL = set(range(32)) - {9, 10, 12, 13}


def decode(data: bytes, source: str) -> str:
    """Decode `data` to text, or raise InputError (binary, empty).

    Mojibake is repaired later with `fix_text`, on the extracted text rather
    than on a whole HTML page (ftfy costs as much as extraction on markup).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        if is_binary(data):
            raise InputError(source, "binary file, not text")
        text = _decode_unmarked(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "empty")
    return text


def fix_text(text: str) -> str:
    """Repair mojibake and odd characters with ftfy.

    ftfy is the slowest step of ingesting plain text, so it runs only where a
    cheap scan finds something it could fix (mojibake pairs, C1 controls,
    entities, ligatures, full-width forms); other text is just NFC-normalised.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii() and "&" not in text and not _ASCII_CONTROL.search(text):
        return text
    if not _FIXABLE.search(text):
        return unicodedata.normalize("NFC", text)
    return ftfy.fix_text(text, _FTFY)


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean not text."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.05


def _decode_unmarked(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess and guess not in _WESTERN and not _latin_single_byte(guess) and not _sparse(data):
        try:
            return data.decode(guess)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _sparse(data: bytes) -> bool:
    """Under 2% of bytes outside ASCII: Western text with a few curly quotes, not CJK or Cyrillic.

    The guesser calls such text Big5 or cp932 now and then; text in those
    scripts has far more non-ASCII bytes (2-3 per character).
    """
    sample = data[: 64 * 1024]
    high = len(sample) - len(sample.translate(None, bytes(range(0x80, 0x100))))
    return high * 50 < len(sample)


def _latin_single_byte(encoding: str) -> bool:
    """True for a single-byte codec whose upper half is mostly Latin letters (cp852, cp1257...)."""
    try:
        upper = bytes(range(0x80, 0x100)).decode(encoding, errors="replace")
    except LookupError:
        return False
    if len(upper) != 0x80:  # a multi-byte codec (Shift-JIS, GB18030, ...)
        return False
    letters = [ch for ch in upper if ch.isalpha()]
    latin = sum(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return bool(letters) and latin * 2 > len(letters)


def _guess(data: bytes) -> str | None:
    try:
        import charset_normalizer
    except ImportError:  # optional: a requests/httpx dependency, usually present
        return None
    best = charset_normalizer.from_bytes(data[: 64 * 1024]).best()
    return best.encoding if best else None
