"""Bytes to text: honour a BOM or a declared charset, detect when it is missing or wrong.

Detection is charset-normalizer's job (a maintained library that beats a hand-written heuristic);
this module only decides the order in which evidence is trusted.
"""

from __future__ import annotations

import codecs
import re

from newsparse.errors import EmptyDocumentError, NotADocumentError

__all__ = ["declared_charset", "decode_bytes", "looks_binary", "looks_like_html", "text_codec"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|script|table|span|a)[\s>/]",
    re.IGNORECASE,
)
_TIE_PREFERENCE = {"cp1252": 0, "latin_1": 1, "iso8859_15": 2}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NOT_TEXT = frozenset({"undefined"})


def text_codec(label: str | None) -> str | None:
    """The Python codec a charset label names, if it is a text encoding. Labels of codecs that are not
    (``base64``, ``hex``, ``zlib``, ``rot13``, ``uu``, ``bz2``) and ``undefined`` count as no label:
    a browser ignores them too."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().lower())
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_TEXT:
        return None
    return info.name


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in its first 4 KiB, if it names a text codec Python knows."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    return text_codec(match.group(1).decode("ascii", "ignore"))


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control characters in the first 8 KiB."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def looks_like_html(text: str) -> bool:
    """True when the start of a document looks like markup rather than copied text."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return True
    return len(_HTML_SNIFF.findall(text[:8192])) >= 3


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


#: Share of a text's non-ASCII characters that may be broken UTF-8 sequences for it to be read as
#: UTF-8 anyway: legacy text read as UTF-8 breaks at nearly every non-ASCII byte.
MAX_BROKEN_UTF8 = 0.01


def _nearly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with each broken sequence one replacement character, when nearly all of its
    non-ASCII text is valid UTF-8 (a page truncated mid-character, or with a few stray bytes pasted
    in); None otherwise. Charset detection would pick a legacy codec for such a page and garble all of
    it."""
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = sum(1 for character in text if ord(character) > 0x7F)
    if broken <= MAX_BROKEN_UTF8 * non_ascii:
        return text
    return None


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Decode a document: BOM, then (for HTML) the declared charset if it decodes cleanly, then
    UTF-8, then (when nothing or UTF-8 was declared) UTF-8 with replacement characters if only a few
    bytes are broken, then charset-normalizer's best guess. Raises a typed error for empty or binary
    input."""
    if not data.strip():
        raise EmptyDocumentError("the document is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            # The mark settles the encoding; a bad byte after it is one replacement character, as in
            # a browser, not a lost document.
            return data.decode(codec, "replace")
    if looks_binary(data):
        raise NotADocumentError("the data is binary, not text or HTML")
    declared = None
    if html:
        declared = declared_charset(data)
        if declared and declared != "utf-8" and not data.isascii() and _is_utf8(data):
            # Legacy text is almost never valid UTF-8 by accident, while pages re-encoded to UTF-8 that
            # keep their old declaration are common: the bytes outweigh the declaration.
            return data.decode("utf-8")
        if declared:
            try:
                return data.decode(declared)
            except UnicodeError:
                pass  # the declaration is wrong: detect below
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared in (None, "utf-8"):
        nearly = _nearly_utf8(data)
        if nearly is not None:
            return nearly
    from charset_normalizer import from_bytes

    guesses = list(from_bytes(data[:200_000]))
    if guesses:
        best = guesses[0]
        # Ties are common on short texts; the web's most common legacy encoding wins them.
        tied = [
            g
            for g in guesses
            if abs(g.chaos - best.chaos) < 0.01 and abs(g.coherence - best.coherence) < 0.01
        ]
        chosen = min(tied, key=lambda g: _TIE_PREFERENCE.get(g.encoding, len(_TIE_PREFERENCE)))
        guessed = text_codec(chosen.encoding)
        if guessed:
            try:
                return data.decode(guessed)
            except UnicodeError:
                pass
    # cp1252 decodes nearly every byte; latin-1 decodes all of them: a last resort that loses nothing.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
