"""``python -m policyconflict``: the command line, as the ``policyconflict`` script runs it."""

from __future__ import annotations

import sys

from policyconflict.cli import main

if __name__ == "__main__":
    sys.exit(main())
