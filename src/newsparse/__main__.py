"""``python -m newsparse``: the command line, for environments where the script is not on PATH."""

import sys

from newsparse.cli import main

sys.exit(main())
