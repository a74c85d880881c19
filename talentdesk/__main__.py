"""``python -m talentdesk``."""

import sys

from talentdesk.app import main

sys.exit(main())
