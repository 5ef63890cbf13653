"""`python -m factcheck`."""

import sys

from .cli import main

sys.exit(main())
