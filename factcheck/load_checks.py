"""The checks that find problems while files are read and normalized (the load checks).

They have no generator of their own: the loader, the normalizer and the corpus assembly report
them. A finding of one carries the check's name, never a rule code; the engine stamps the code,
name and severity of the rule that runs the check, as it does for every other finding, so a
project's rule set can renumber or rename these rules like any other (docs/design.md §5).
"""

from __future__ import annotations

INVALID_YAML = "invalid_yaml"
INVALID_CLAIM_FILE = "invalid_claim_file"
DUPLICATE_ID = "duplicate_id"
UNKNOWN_PREDICATE = "unknown_predicate"
UNRESOLVED_ENTITY = "unresolved_entity"
INVALID_VALUE = "invalid_value"

# A file that cannot be read was not checked at all: what it breaks is always reported, as an error,
# whatever the selection, severity overrides or suppressions say, and never baselined, since
# silence would look like a pass.
ALWAYS_REPORTED = frozenset({INVALID_YAML})
# A file with these problems is not rewritten by `fmt`: its structure is not known well enough.
BLOCKS_FORMATTING = frozenset({INVALID_YAML, INVALID_CLAIM_FILE, DUPLICATE_ID})
