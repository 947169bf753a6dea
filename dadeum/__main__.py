import sys

from dadeum.cli import main

sys.exit(main())
