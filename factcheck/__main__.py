"""`python -m factcheck`."""

import sys

from .dependencies import ensure

ensure(sys.argv[1:])  # before anything imports pydantic, rapidfuzz or yaml

from .cli import run  # noqa: E402

run()
