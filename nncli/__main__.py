"""Allow ``python -m nncli``."""

from nncli.cli import main

if __name__ == "__main__":
    main()
