"""``python -m talentdesk.sync.server``: the same commands as ``talentdesk-agency``."""

import sys

from talentdesk.sync.server.cli import main

sys.exit(main())
