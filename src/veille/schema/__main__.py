"""``python -m veille.schema [--write]``: print or regenerate the published JSON Schema."""

import sys

from veille.schema import main

raise SystemExit(main(sys.argv[1:]))
