"""A psycopg connection that speaks the sqlite3 dialect the store's own modules are written in.

`stories.py` and `feeds.py` take a DB-API connection from `store.transaction()`
or `store.reading()` and write plain, portable SQL with `?` placeholders,
rows read by index or by name, and `cursor.lastrowid`. `PgStore` hands them
this wrapper, so one module serves both backends: placeholders become `%s`,
a `LIMIT ?` of -1 (SQLite's "no limit") becomes NULL, rows are tuples that
also answer to column names, and `lastrowid` is the session's `lastval()`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

_PLACEHOLDER = re.compile(r"'[^']*'|\?|%")
_LIMIT = re.compile(r"\bLIMIT\s*$", re.IGNORECASE)


class Row(tuple):
    """A result row: a tuple, and also `row["column"]` like sqlite3.Row."""

    _index: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def row_factory(cursor: Any) -> Any:
    names = [c.name for c in cursor.description or ()]
    index = {name: i for i, name in enumerate(names)}
    cls = type("Row", (Row,), {"_index": index})
    return lambda values: cls(values)


def translate(sql: str, params: Sequence[Any]) -> tuple[str, list[Any]]:
    """`?` placeholders to `%s` (literal `%` escaped), and -1 for `LIMIT ?` to NULL."""
    out: list[str] = []
    values = list(params)
    position = 0
    last = 0
    for match in _PLACEHOLDER.finditer(sql):
        token = match.group()
        out.append(sql[last : match.start()])
        if token == "?":
            if _LIMIT.search(sql[: match.start()]) and values[position] in (-1, None):
                values[position] = None
            out.append("%s")
            position += 1
        elif token == "%":
            out.append("%%")
        else:
            out.append(token)
        last = match.end()
    out.append(sql[last:])
    return "".join(out), values


class Cursor:
    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        row = self._cursor.connection.execute("SELECT lastval() AS id").fetchone()
        return None if row is None else row["id"]


class Connection:
    """The subset of sqlite3.Connection the store's modules use, over psycopg."""

    in_transaction = True

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        sql, values = translate(sql, params)
        cursor = self._conn.cursor(row_factory=row_factory)
        cursor.execute(sql, values)
        return Cursor(cursor)

    def executemany(self, sql: str, rows: Any) -> Cursor:
        rows = list(rows)
        cursor = self._conn.cursor(row_factory=row_factory)
        if rows:
            sql, _ = translate(sql, rows[0])
            cursor.executemany(sql, [list(r) for r in rows])
        return Cursor(cursor)
