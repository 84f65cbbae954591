import sys

from reconnect.cli import main

sys.exit(main())
