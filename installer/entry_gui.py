"""Bundle entry point of `nunrec-gui` (windowed, for the coach)."""

import sys

from nunrec_desktop.gui import main

sys.exit(main())
