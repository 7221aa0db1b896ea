"""Bundle entry point of `nunrec` (console, for IT)."""

import sys

from nunrec_desktop.cli import main

sys.exit(main())
