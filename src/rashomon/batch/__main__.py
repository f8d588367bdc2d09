"""``python -m rashomon.batch INPUT… -o OUT``: the batch command without the full CLI (used by the kill test)."""

from __future__ import annotations

import argparse
import sys

from ..errors import RashomonError
from . import ENGINES, run_batch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rashomon.batch", description=__doc__)
    parser.add_argument("inputs", nargs="+", help="folders, page files, JSONL or WARC files, globs")
    parser.add_argument("-o", "--out", required=True, help="output folder (a Parquet dataset)")
    parser.add_argument("--engine", choices=list(ENGINES), default="local")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--address", default=None, help="ray engine: ray://host:port or auto")
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--stages", default=None, help="comma-separated stage names ('' for none)")
    parser.add_argument("--chunk-size", type=int, default=None)
    parser.add_argument("--part-size", type=int, default=None)
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    options = {"workers": args.workers, "resume": args.resume, "progress": not args.no_progress}
    if args.stages is not None:
        options["stage_names"] = tuple(s for s in args.stages.split(",") if s)
    if args.chunk_size:
        options["chunk_size"] = args.chunk_size
    if args.part_size:
        options["part_size"] = args.part_size
    if args.engine == "ray":
        options["address"] = args.address
    try:
        summary = run_batch(args.inputs, args.out, engine=args.engine, **options)
    except RashomonError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    print(summary.describe(), file=sys.stderr)
    return summary.exit_code


if __name__ == "__main__":
    sys.exit(main())
