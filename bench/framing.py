"""Time framing (Fightin' Words, lexicon, the loaded-language head on the encoder, paired word choices) against
the spaCy parse of the same page.

Per input page: the spaCy parse of the article blocks (the anchor, 1.0x); the compare stage's encoder pass over
the claims (which it makes for the alignment with or without framing; shown, not counted); then
``framing.framing_for`` over the page's accounts as the compare stage runs it, reading the claims' token
vectors and encoding only the text they do not cover, plus the choices stage: that is the framing cost
(``ratio``). ``alone`` is framing_for encoding every sentence itself (as ``rashomon compare`` across pages does).
Goal: framing <= 0.2x the parse.

    .venv/bin/python bench/framing.py [PAGE ...] [--repeat 3]

Prints a table and one line of JSON last.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT_PAGES = [Path(__file__).resolve().parents[2] / "shared" / "pages" / "aleppo-2016-11-28.txt"]


def best_of(repeat: int, func) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import rashomon
    from rashomon import encoder, framing
    from rashomon.choices import choices_stage
    from rashomon.compare import _narrative_texts
    from rashomon.meaning import normalized_text
    from rashomon.nlp import load as load_nlp
    from rashomon.options import Options

    nlp, enc = load_nlp(), encoder.load()
    rows = []
    for path in args.pages:
        analysis = rashomon.analyze(path, options=Options(stages=("attribution", "claims", "actors")), nlp=nlp)
        blocks = [b.text for b in analysis.page.article_blocks]
        texts = _narrative_texts(analysis)
        words = sum(len(t.split()) for t in blocks)
        read = [normalized_text(c.text) for c in analysis.claims]
        spans = [(c.start, c.end) for c in analysis.claims]

        def claims_pass(read=read):
            return enc.encode(read, tokens=True) if read else None

        encoding = claims_pass()
        encoded = framing.encoded_spans(analysis.page.text, spans, read, encoding)
        framing.framing_for(texts, encoder=enc)  # warm: the head is loaded once per process
        parse = best_of(args.repeat, lambda blocks=blocks: list(nlp.pipe(blocks)))
        claims = best_of(args.repeat, claims_pass)
        frame = best_of(args.repeat, lambda t=texts, e=encoded: framing.framing_for(t, encoder=enc, encoded=e))
        alone = best_of(args.repeat, lambda texts=texts: framing.framing_for(texts, encoder=enc))
        chosen = best_of(args.repeat, lambda a=analysis: choices_stage(a, None))  # type: ignore[arg-type]
        rows.append(
            {
                "page": path.name,
                "words": words,
                "parse_s": round(parse, 4),
                "claims_pass_s": round(claims, 4),
                "framing_s": round(frame, 4),
                "choices_s": round(chosen, 4),
                "ratio": round((frame + chosen) / parse, 3),
                "alone_s": round(alone, 4),
                "alone_ratio": round((alone + chosen) / parse, 3),
            }
        )
    print(
        f"{'page':32} {'words':>6} {'parse s':>8} {'claims s':>9} {'framing s':>10} {'choices s':>10} {'ratio':>6}"
        f" {'alone s':>8} {'ratio':>6}"
    )
    for row in rows:
        print(
            f"{row['page'][:32]:32} {row['words']:6d} {row['parse_s']:8.3f} {row['claims_pass_s']:9.3f} "
            f"{row['framing_s']:10.3f} {row['choices_s']:10.4f} {row['ratio']:6.3f} {row['alone_s']:8.3f} "
            f"{row['alone_ratio']:6.3f}"
        )
    print(
        "anchor: the spaCy parse (1.0x); goal: framing <= 0.2x. 'claims s' is the compare stage's encoder pass for"
        " the alignment (paid with or without framing; framing reads its token vectors)"
    )
    print(json.dumps({"pages": rows, "max_ratio": max(r["ratio"] for r in rows)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
