import sys

from reconnect.cli.main import main

sys.exit(main())
