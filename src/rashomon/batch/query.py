"""DuckDB over a batch output: every table of the dataset is a view, so plain SQL answers questions at once.

>>> rows, columns = query("out/", "SELECT site, count(*) FROM comments WHERE list_contains(flags, 'threat') GROUP BY site")  # doctest: +SKIP

The views read only committed parts (the manifests say which), so a run killed mid-write never shows half a
part. A table with no committed part is an empty view with the table's columns, so queries never fail on a
small corpus for lack of rows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .output import DATASET_INFO, MANIFEST_DIR, TABLES, BatchError, committed_files

#: Folders of tables derived from the batch tables (``rashomon stories`` writes ``stories/``): each
#: ``NAME.parquet`` in them is a view ``NAME`` too.
DERIVED_DIRS = ("stories",)

#: Examples shown by ``rashomon query --help`` and the docs; each runs on any batch output.
EXAMPLES = {
    "top actors by relation count": (
        "SELECT name, count(*) AS relations FROM ("
        "SELECT subject AS name FROM relations UNION ALL SELECT object FROM relations) "
        "GROUP BY name ORDER BY relations DESC LIMIT 20"
    ),
    "comments flagged as threats per site": (
        "SELECT site, count(*) AS threats FROM comments WHERE list_contains(flags, 'threat') "
        "GROUP BY site ORDER BY threats DESC"
    ),
    "failures by reason": "SELECT stage, error_type, count(*) AS n FROM errors GROUP BY ALL ORDER BY n DESC",
}


def connect(out: str | os.PathLike):
    """An in-memory DuckDB connection with one view per table of the batch output at ``out``."""
    import duckdb

    root = Path(out)
    if not (root / DATASET_INFO).exists() and not (root / MANIFEST_DIR).is_dir():
        raise BatchError(f"{root}: not a batch output (no {DATASET_INFO}); run 'rashomon batch ... -o {root}' first")
    connection = duckdb.connect(":memory:")
    for table, schema in TABLES.items():
        files = [str(path) for path in committed_files(root, table)]
        if files:
            listed = ", ".join(_quote(f) for f in files)
            connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{listed}], union_by_name=true)")
        else:
            import pyarrow as pa

            connection.register(f"_{table}_empty", pa.Table.from_pylist([], schema=schema))
            connection.execute(f"CREATE VIEW {table} AS SELECT * FROM _{table}_empty")
    for folder in DERIVED_DIRS:
        for path in sorted((root / folder).glob("*.parquet")):
            if path.stem.isidentifier() and path.stem not in TABLES:
                connection.execute(f"CREATE VIEW {path.stem} AS SELECT * FROM read_parquet({_quote(str(path))})")
    return connection


def query(out: str | os.PathLike, sql: str) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Run ``sql`` over the output at ``out``: the rows and the column names."""
    import duckdb

    connection = connect(out)
    try:
        cursor = connection.execute(sql)
    except duckdb.Error as err:
        raise BatchError(f"the query failed: {str(err).splitlines()[0]}") from None
    columns = [d[0] for d in cursor.description or []]
    return cursor.fetchall(), columns


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
