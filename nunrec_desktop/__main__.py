"""`python -m nunrec_desktop` runs the same entry point as the `nunrec` console script."""

import sys

from nunrec_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
