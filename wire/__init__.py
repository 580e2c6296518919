"""What a kiosk and its centre's server say to each other, and the files they share.

The sync protocol v1 (``protocol``), the catalogue format (``catalogue``, with the
national portal's export in ``portal``), the form definition format (``forms``), the
vocabulary their values come from (``vocabulary``), and the pure functions both sides
use to read and check those files (``catalogue_files``, ``form_files``,
``form_integrity``). Both ends decode and check with this one package, so a payload or
a publication one side accepts is one the other would accept too.

It is the only code the kiosk and the server share, so it must stay importable by
either alone: the standard library, msgspec and Babel's data only. It never imports a
database (SQLAlchemy, Alembic), Qt, an HTTP client, or anything from ``kiosk``, ``ui``
or ``server``; an import-linter contract in ``pyproject.toml`` checks it. Its errors
are plain ``ValueError`` exceptions with English messages for a file's author; each side turns
them into what its own people read.
"""
