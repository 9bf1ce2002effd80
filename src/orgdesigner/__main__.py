"""`python -m orgdesigner`: the same as the `orgdesigner` command."""

import sys

from .main import main

sys.exit(main())
