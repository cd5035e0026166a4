"""``python -m careerkb`` runs the command-line tool."""

import sys

from careerkb.cli import main

sys.exit(main())
