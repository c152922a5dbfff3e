"""Sources → Article: text files with a date header, JSONL, HTML and folders of them."""

from veille.ingest.sources import read_sources

__all__ = ["read_sources"]
