"""``python -m gazette.report``: see :mod:`gazette.report.cli`."""

import sys

from gazette.report.cli import main

sys.exit(main())
