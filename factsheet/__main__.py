"""``python -m factsheet``."""

from factsheet.cli import main

if __name__ == "__main__":
    main()
