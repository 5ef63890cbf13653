"""Write every rule case's finding messages and fingerprints into its YAML file: a snapshot update.

    python scripts/update_rule_case_snapshots.py          # then review the diff: `git diff tests/rules`

Each failing case in tests/rules/*.yaml lists its findings; tests/test_rule_cases.py requires each
one's `message` and `fingerprint` to be exactly lint's. When a change to a rule changes them on
purpose, this script runs every case as the test does and writes the new ones in, keeping the
files' layout and comments (ruamel.yaml round trip), so the change is a diff a reviewer reads.
A finding the case does not list is not added: that is a failing test to look at, not a snapshot.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import test_rule_cases as harness  # noqa: E402

SNAPSHOT = ("message", "fingerprint")  # what a case's finding records of lint's, beside what identifies it


def main() -> int:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    changed = 0
    for path in harness._case_files():
        spec = yaml.load(path.read_text(encoding="utf-8"))
        before = changed
        for case in spec["cases"]:
            if not case.get("findings"):
                continue
            with tempfile.TemporaryDirectory() as scratch:
                found = harness._run_case(spec["rule"], case, Path(scratch))
            for want in case["findings"]:
                match = [f for f in found if all(f[k] == want.get(k, [] if k == "related" else None) for k in harness.IDENTIFYING)]
                for key in SNAPSHOT:
                    if len(match) == 1 and want.get(key) != match[0][key]:
                        want[key] = match[0][key]
                        changed += 1
        if changed != before:
            with path.open("w", encoding="utf-8") as handle:
                yaml.dump(spec, handle)
            print(f"{path.relative_to(ROOT)}: {changed - before} value(s) written")
    print(f"{changed} value(s) written in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
