"""Settings modes: ``base`` (shared), ``dev`` (default for manage.py), ``test``, ``production``."""
