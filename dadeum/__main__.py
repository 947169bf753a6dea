import sys

from dadeum.cli import main

# Guarded: worker processes that start by "spawn" (Windows, macOS; `recipe run --jobs`)
# import this module again and must not run the command line a second time.
if __name__ == "__main__":
    sys.exit(main())
