"""``python -m wirelens`` is the ``wirelens`` command."""

from wirelens.cli import main

raise SystemExit(main())
