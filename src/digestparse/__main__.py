"""``python -m digestparse``: the same program as the ``digestparse`` command."""

import sys

from .cli import main

# The guard matters: worker processes started with "spawn" import this module.
if __name__ == "__main__":
    sys.exit(main())
