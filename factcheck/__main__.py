"""`python -m factcheck`."""

import sys

from .dependencies import ensure

ensure(sys.argv[1:])  # before anything imports pydantic, rapidfuzz or yaml

from .cli import main  # noqa: E402

sys.exit(main())
