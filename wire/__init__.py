"""What a kiosk and its centre's server say to each other, and the files they share.

The sync protocol v1 (``protocol``, with the bounds beyond its types in ``bounds``),
the catalogue format (``catalogue``, with the national portal's export in ``portal``),
the form definition format (``forms``), the vocabulary their values come from
(``vocabulary``), the pure functions both sides use to read and check those files
(``catalogue_files``, ``form_files``, ``form_integrity``), and the checks of a
citizen's answers (``answers``, ``checks``, ``validation``, with the administrative
units in ``places``). Both ends decode and check with this one package, so a payload,
a publication or a declaration one side accepts is one the other would accept too.

It is the only code the kiosk and the server share, so it must stay importable by
either alone: the standard library, msgspec, Babel's data and the files of the
``vietnamadminunits`` package (read, never imported) only. It never imports a database
(SQLAlchemy, Alembic), Qt, an HTTP client, or anything from ``kiosk``, ``ui`` or
``server``; an import-linter contract in ``pyproject.toml`` checks it. A file that
breaks its format raises a plain ``ValueError`` with an English message for its
author; a value a citizen typed that the checks refuse raises
``wire.errors.TranslatableError`` (the kiosk's ``KioskError``), whose message is a
translatable text. Each side turns them into what its own people read.
"""
