"""The rashomon web app: ``create_app(db_path)`` for tests and embedding, ``serve`` for ``rashomon serve``."""

from __future__ import annotations

from pathlib import Path

from .app import create_app, default_db_path
from .store import Store

__all__ = ["create_app", "serve", "Store", "default_db_path"]


def serve(host: str = "127.0.0.1", port: int = 8000, db: str | Path | None = None) -> None:
    """Run the app with uvicorn until interrupted. ``db``: the SQLite file (default: the user's data folder)."""
    import uvicorn

    app = create_app(db)
    print(f"rashomon: store {app.state.store.path}; open http://{host}:{port}/", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
