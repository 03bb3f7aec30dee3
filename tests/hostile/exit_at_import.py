"""Calls sys.exit(3) while being loaded."""
import sys

sys.exit(3)
