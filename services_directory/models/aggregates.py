"""Database aggregates the directory's models and its finder both read with."""

from django.db.models import Aggregate, CharField


class KeyList(Aggregate):
    """Comma-separated values of a column (Django 5.2 has StringAgg for PostgreSQL only)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s::text, ',')",
        )
