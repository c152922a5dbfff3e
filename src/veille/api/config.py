"""What a server is started with: the store, where it listens, who may write, and its limits."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from veille.settings import Settings

# A request body over this is refused before it is read whole (413): the largest useful
# body is one article, and Settings caps articles at a million characters.
MAX_BODY_BYTES = 2 * 1024 * 1024
# Longest text POST /api/analyze and POST /api/articles take, in characters: longer
# "articles" are dumps, and would hold the single analysis worker for minutes.
MAX_TEXT_CHARS = 200_000
MAX_PAGE = 200  # most rows one list request returns
MAX_OFFSET = 10_000  # deepest offset paging reaches; narrow the filters beyond it


@dataclass(frozen=True)
class ServerConfig:
    """One frozen configuration, built by ``veille serve`` (or a test) and kept on the app."""

    db_path: Path = Path("veille.db")
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None  # bearer token writes must carry; None: writes only when loopback
    max_body_bytes: int = MAX_BODY_BYTES
    settings: Settings = field(default_factory=Settings)

    @property
    def loopback(self) -> bool:
        """Whether the server only listens on this machine (127.0.0.0/8, ::1, localhost)."""
        return is_loopback(self.host)

    @property
    def url(self) -> str:
        """Return the address to open in a browser."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"


def is_loopback(host: str) -> bool:
    """Return whether ``host`` names only this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
