"""Bytes to text: BOMs, UTF-8, Latin-1/cp1252, mojibake, binary, empty and oversized input."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from veille.errors import InputError
from veille.ingest.decode import decode_bytes, read_limited, read_stream, repair_mojibake

PHRASE = "Le ministre a déclaré : « Nous irons à Kyiv », l'été dernier, à Noël. Ça coûte cher."


@pytest.mark.parametrize(
    "data",
    [
        PHRASE.encode("utf-8"),
        codecs.BOM_UTF8 + PHRASE.encode("utf-8"),
        codecs.BOM_UTF16_LE + PHRASE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PHRASE.encode("utf-16-be"),
        PHRASE.encode("latin-1"),
        PHRASE.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "latin1", "cp1252"],
)
def test_french_text_decodes_whatever_its_encoding(data: bytes) -> None:
    assert decode_bytes(data, where="a.txt") == PHRASE


def test_cp1252_typographic_characters_survive() -> None:
    text = "L’Union européenne débloque 500 millions d’euros — 500 € par foyer… « enfin »."
    assert decode_bytes(text.encode("cp1252"), where="a.txt") == text


def test_utf8_read_as_cp1252_is_repaired() -> None:
    damaged = "Les alliÃ©s europÃ©ens ont accusÃ© le prÃ©sident. Câ€™est Ã  Kyiv, cÅ“ur du pays."
    expected = "Les alliés européens ont accusé le président. C’est à Kyiv, cœur du pays."
    assert repair_mojibake(damaged) == expected
    assert decode_bytes(damaged.encode("utf-8"), where="a.txt") == expected


def test_correct_french_is_never_repaired() -> None:
    texts = [
        "CAFÉ\u00a0! À PARIS\u00a0» et ÉTÉ…",
        "Ôté, Ça, È«",
        "Il a déclaré : « Âge d’or » à la télé.",
    ]
    for text in texts:
        assert repair_mojibake(text) == text


@pytest.mark.parametrize(
    "data", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8 + b"  \n"], ids=["zero", "blank", "bom"]
)
def test_empty_input_says_empty_file(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^x\.txt: empty file$"):
        decode_bytes(data, where="x.txt")


def test_binary_input_says_binary_file() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(InputError, match=r"^x\.txt: binary file, not text"):
        decode_bytes(png, where="x.txt")


def test_text_full_of_control_characters_is_binary() -> None:
    data = ("abc\x01\x02\x03\x04" * 50).encode("ascii")
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(data, where="x.txt")


def test_a_20_mb_file_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(20 * 1024 * 1024)
    with pytest.raises(InputError) as caught:
        read_limited(big, max_bytes=4_000_000, where=str(big))
    assert caught.value.where == str(big)
    assert caught.value.reason.startswith("file too large: 20.0 MiB, limit 3.8 MiB")


def test_a_stream_is_read_no_further_than_the_limit() -> None:
    stream = io.BytesIO(b"x" * 5000)
    with pytest.raises(InputError, match="input too large: more than 1,000 bytes"):
        read_stream(stream, max_bytes=1000, where="<stdin>")
    assert stream.tell() == 1001


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_limited(tmp_path / "absent.txt", max_bytes=100, where="absent.txt")
