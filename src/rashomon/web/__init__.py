"""The rashomon web app: ``create_app(db_path)`` for tests and embedding, ``serve`` for ``rashomon serve``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .app import LOCAL_HOSTS, create_app, default_db_path
from .store import Store

__all__ = ["create_app", "serve", "Store", "default_db_path"]


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    db: str | Path | None = None,
    allowed_hosts: Sequence[str] | None = None,
    fetch_private: bool | None = None,
) -> None:
    """Run the app with uvicorn until interrupted. ``db``: the SQLite file (default: the user's data folder).
    ``fetch_private``: fetch URLs on private addresses too (default ``settings.WEB_FETCH_PRIVATE_ADDRESSES``).

    Requests must address ``host`` or a local name (``LOCAL_HOSTS``), or one of ``allowed_hosts`` when given:
    serving on all interfaces (``0.0.0.0``) for other machines needs the name they use listed there.
    """
    import uvicorn

    app = create_app(db, allowed_hosts=[host, *LOCAL_HOSTS, *(allowed_hosts or ())], fetch_private=fetch_private)
    print(f"rashomon: store {app.state.store.path}; open http://{host}:{port}/", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
