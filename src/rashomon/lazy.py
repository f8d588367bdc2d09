"""What a command-line run need not load, kept out of its cold start.

- **torch**: thinc (under spaCy) imports torch whenever it is installed (the ``train`` extra installs it), which
  costs seconds; the product's models run on numpy and onnxruntime and the English pipeline is a CNN one, so a
  command-line run tells Python that torch is absent (:func:`skip_torch`; ``RASHOMON_TORCH=1`` keeps it).
- **py3langid's compressed model**: decompressing it takes a second or more on every run;
  :func:`cached_langid_model` keeps the decompressed file in the user's cache folder (``RASHOMON_CACHE``
  overrides the folder) and loads it with ``allow_pickle=False``.
- **scikit-learn's stop words**: ``from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS`` imports
  scikit-learn, scipy.stats and more for one frozenset; :func:`english_stop_words` reads the list from
  scikit-learn's own file without importing the package.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import lru_cache
from pathlib import Path

#: Environment variable that keeps torch importable in a command-line run.
KEEP_TORCH = "RASHOMON_TORCH"


def skip_torch() -> bool:
    """Make ``import torch`` fail in this process unless torch is already loaded or ``RASHOMON_TORCH`` is set;
    True when it now fails. Libraries that treat torch as optional (thinc) then skip it."""
    if os.environ.get(KEEP_TORCH) or "torch" in sys.modules:
        return False
    sys.modules["torch"] = None  # type: ignore[assignment]  # Python's marker for "not importable"
    return True


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (318 words), loaded from its ``_stop_words.py`` alone when it can be
    found, else through the usual import."""
    spec = importlib.util.find_spec("sklearn")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "feature_extraction", "_stop_words.py")
        file_spec = importlib.util.spec_from_file_location("rashomon._stop_words", path)
        if os.path.exists(path) and file_spec is not None and file_spec.loader is not None:
            module = importlib.util.module_from_spec(file_spec)
            file_spec.loader.exec_module(module)  # a module of one frozenset literal, imported on its own
            words = getattr(module, "ENGLISH_STOP_WORDS", None)
            if isinstance(words, frozenset):
                return words
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


#: Environment variable naming the folder of decompressed model caches (default: the user's cache folder).
CACHE_DIR = "RASHOMON_CACHE"


def cache_folder() -> Path:
    if os.environ.get(CACHE_DIR):
        return Path(os.environ[CACHE_DIR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("rashomon", appauthor=False))


def cached_langid_model() -> tuple | None:
    """py3langid's model as its ``from_model_file`` builds it (ptc, pc, classes, nextmove, row, output), from an
    uncompressed copy in :func:`cache_folder` made on first use; None when that cannot be done (py3langid's own
    loading then runs)."""
    try:
        import lzma
        import shutil
        from importlib.metadata import version

        import numpy as np
        from py3langid.langid import MODEL_DIR, MODEL_FILE
        from py3langid.modelio import _to_array

        cached = cache_folder() / f"py3langid-{version('py3langid')}-{Path(MODEL_FILE).name.removesuffix('.xz')}"
        if not cached.exists():
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.part")
            with lzma.open(Path(MODEL_DIR) / MODEL_FILE) as source, open(partial, "wb") as target:
                shutil.copyfileobj(source, target, length=1 << 20)
            os.replace(partial, cached)  # atomic: a concurrent run sees the whole file or none
        with np.load(cached, allow_pickle=False) as data:
            return (
                np.asarray(data["ptc"]),
                np.asarray(data["pc"]),
                data["classes"].tolist(),
                _to_array(data["nextmove"]),
                _to_array(data["nextmove_row"]),
                data["out_feat"].tolist(),
            )
    except Exception:  # any trouble (read-only home, another py3langid layout): py3langid loads it itself
        return None
