"""Type checks run by CI (`.venv/bin/python tools/typecheck.py`).

Every Qt-free part of `src/orgdesigner` (all but `ui/`) must pass mypy with no errors. `ui/` is held to a
shrinking baseline: its error count may not rise above the number in `tools/mypy-ui-baseline.txt`, and when
it falls the script asks for the lower number to be written there, so the count can only go down.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "orgdesigner"
BASELINE = ROOT / "tools" / "mypy-ui-baseline.txt"
def mypy(targets: list[Path]) -> tuple[int, str]:
    """The number of errors mypy finds in `targets`, and its report."""
    result = subprocess.run([sys.executable, "-m", "mypy", *map(str, targets)], cwd=ROOT, capture_output=True,
                            text=True)
    report = result.stdout + result.stderr
    if result.returncode not in (0, 1):
        sys.exit(f"mypy failed to run:\n{report}")
    found = re.search(r"Found (\d+) errors? in", report)
    return (int(found.group(1)) if found else 0), report


def qt_free_targets() -> list[Path]:
    return sorted(p for p in PACKAGE.iterdir()
                  if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.stem != "ui")


def main() -> int:
    targets = qt_free_targets()
    errors, report = mypy(targets)
    names = ", ".join(p.name for p in targets)
    if errors:
        print(report, end="")
        print(f"typecheck: the Qt-free code ({names}) must have no mypy errors; it has {errors}.")
        return 1
    print(f"typecheck: no mypy errors in {names}")

    baseline = int(BASELINE.read_text().split()[0])
    errors, report = mypy([PACKAGE / "ui"])
    if errors > baseline:
        print(report, end="")
        print(f"typecheck: ui/ has {errors} mypy errors, more than the baseline of {baseline} in "
              f"{BASELINE.relative_to(ROOT)}. Fix the new ones (the report above lists them all).")
        return 1
    if errors < baseline:
        print(f"typecheck: ui/ has {errors} mypy errors, fewer than the baseline of {baseline}: write {errors} in "
              f"{BASELINE.relative_to(ROOT)} so the count cannot creep back up.")
        return 0
    print(f"typecheck: ui/ has {errors} mypy errors, as the baseline says")
    return 0


if __name__ == "__main__":
    sys.exit(main())
