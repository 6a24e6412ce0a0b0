"""Bytes to text: a page declared UTF-8 with a few broken bytes stays UTF-8 (issue 14 item 8)."""

from __future__ import annotations

from newsparse.decode import decode_bytes

SENTENCE = "Die Bürger stimmten über die Änderung ab, größer als je zuvor, sagte der Bürgermeister. "


def _page(body: str, charset: str = "utf-8") -> str:
    head = f'<meta charset="{charset}"><title>Ä</title>'
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_a_utf8_page_with_a_stray_byte_is_read_as_utf8_with_one_replacement() -> None:
    data = _page(f"<p>{SENTENCE * 20}</p>").encode("utf-8")
    middle = len(data) // 2
    broken = data[:middle] + b"\xff" + data[middle:]
    text = decode_bytes(broken, html=True)
    assert text.count("\ufffd") == 1
    assert text.replace("\ufffd", "") == data.decode("utf-8")


def test_a_page_cut_mid_character_is_read_as_utf8() -> None:
    data = _page(f"<p>{SENTENCE * 20}</p>").encode("utf-8")
    cut = data[: data.rindex("ü".encode()) + 1]  # the last ü loses its second byte
    text = decode_bytes(cut, html=True)
    assert text.endswith("\ufffd")
    assert "Bürgermeister" in text


def test_legacy_text_is_still_detected_when_it_is_not_nearly_utf8() -> None:
    data = _page(f"<p>{SENTENCE * 20}</p>", charset="windows-1252").encode("cp1252")
    assert decode_bytes(data.replace(b"windows-1252", b"utf-8"), html=True) == data.decode("cp1252").replace(
        "windows-1252", "utf-8"
    )
