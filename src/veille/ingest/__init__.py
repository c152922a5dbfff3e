"""Sources → Article: text files with a date header, JSONL, HTML and folders of them."""

from veille.ingest.decode import decode_bytes, repair_mojibake
from veille.ingest.sources import iter_sources, read_sources
from veille.ingest.text import article_id, check_date, parse_text

__all__ = [
    "article_id",
    "check_date",
    "decode_bytes",
    "iter_sources",
    "parse_text",
    "read_sources",
    "repair_mojibake",
]
