"""The ``wirelens`` command: thin wrappers, each one call into the library.

Exit codes (also in the README):
  0  every input was analysed (warnings, such as a non-English article, are not failures)
  1  some inputs failed; the others were analysed and printed
  2  usage error (unknown option, missing argument)
  3  nothing could be analysed: every input failed, or no input was found
  4  configuration error: the model or the gazetteer is missing or broken
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from wirelens import __version__
from wirelens.errors import ConfigError

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING, EXIT_CONFIG = 0, 1, 2, 3, 4
OUTLET_HOMES_HELP = ("outlet homes JSON from 'wirelens outlets': a local outlet's ambiguous "
                     "town names lean towards its home state")

EPILOG_ANALYZE = """\
examples:
  wirelens analyze article.txt
  wirelens analyze samples/articles --format jsonl > records.jsonl
  curl -s https://example.org/story.html | wirelens analyze - --format json
"""
EPILOG_EVAL = """\
example:
  wirelens eval entities            # scores on samples/articles against tests/gold/entities
"""
EPILOG_GAZ = """\
example:
  wirelens gazetteer build          # builds the offline index once (about a minute)
"""


def _err(message: str) -> None:
    print(f"wirelens: {message}", file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    from wirelens.ingest import read_inputs
    from wirelens.model import Article, Failure
    from wirelens.pipeline import Pipeline
    from wirelens.report import render

    homes = None
    if args.outlet_homes is not None:
        from wirelens.geo.outlets import read_outlet_homes

        homes = read_outlet_homes(args.outlet_homes)
    pipeline = Pipeline(batch_size=args.batch_size, outlet_homes=homes)
    failures = 0

    def articles() -> Iterator[Article]:
        # Stream: a failure is reported the moment it is read, and a large
        # directory is never held in memory as a whole.
        nonlocal failures
        for item in read_inputs(args.inputs, max_chars=args.max_chars):
            if isinstance(item, Failure):
                failures += 1
                _err(f"error: {item}")
            else:
                yield item

    out = sys.stdout
    done = 0
    # json: one object for one input, an array for several; we only know which
    # after the second record, so the first is held back until then.
    pending: str | None = None
    for analysis in pipeline.pipe(articles()):
        for warning in analysis.warnings:
            _err(f"warning: {analysis.article.source}: {warning}")
        text = render(analysis, args.format)
        done += 1
        if args.format == "json":
            if done == 1:
                pending = text
                continue
            if done == 2:
                out.write("[\n" + (pending or ""))
            out.write(",\n" + text)
            continue
        out.write(text if text.endswith("\n") else text + "\n")
        if args.format in {"text", "md"}:
            out.write("\n")
    if args.format == "json":
        if done == 1:
            out.write((pending or "") + "\n")
        elif done > 1:
            out.write("\n]\n")
    if done == 0:
        _err("error: nothing was analysed" + (f" ({failures} inputs failed)" if failures else ""))
        return EXIT_NOTHING
    return EXIT_PARTIAL if failures else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from wirelens.evaluate import evaluate_entities, format_entity_scores

    scores = evaluate_entities(articles_dir=Path(args.articles), gold_dir=Path(args.gold),
                               baseline=args.baseline)
    print(format_entity_scores(scores, verbose=args.verbose))
    return EXIT_OK


def cmd_eval_quotes(args: argparse.Namespace) -> int:
    from wirelens.evaluate.quotes import (
        evaluate_article_quotes,
        evaluate_quotes,
        format_article_quote_scores,
        format_quote_scores,
    )

    if args.articles is not None:
        article_scores = evaluate_article_quotes(Path(args.articles), Path(args.gold))
        print(format_article_quote_scores(article_scores, verbose=args.verbose))
        return EXIT_OK
    scores = evaluate_quotes(Path(args.polnear), limit=args.limit)
    print(format_quote_scores(scores))
    return EXIT_OK


def cmd_eval_geo(args: argparse.Namespace) -> int:
    from wirelens.evaluate.geo import corpus_path, evaluate_geo, format_geo_scores

    path = corpus_path(args.corpus)
    if not path.exists():
        _err(f"error: {path}: no such corpus file")
        return EXIT_CONFIG
    countries = [c.strip() for c in args.countries.split(",") if c.strip()] \
        if args.countries else None
    try:
        scores = evaluate_geo(path, limit=args.limit, gold_spans=args.gold_spans,
                              outlet_homes=not args.no_outlet_homes, countries=countries)
    except (ValueError, KeyError, OSError) as exc:  # our own gold folder, malformed
        _err(f"error: {path}: {exc}")
        return EXIT_CONFIG
    print(format_geo_scores(scores, verbose=args.verbose))
    return EXIT_OK


def cmd_eval_events(args: argparse.Namespace) -> int:
    from wirelens.evaluate.events import (
        EVENT_COMPONENTS,
        evaluate_events,
        evaluate_snippets,
        format_event_scores,
        format_snippet_scores,
    )
    from wirelens.pipeline import Pipeline

    if args.articles:
        from wirelens.evaluate.events import evaluate_articles, format_article_scores

        # the default pipeline, quotes and coref included: the quotes decide claim vs fact
        scores = evaluate_articles(Path(args.gold), Path(args.articles), pipeline=Pipeline())
        print(format_article_scores(scores, verbose=args.verbose))
        return EXIT_OK
    pipe = Pipeline(components=EVENT_COMPONENTS)
    acled = Path(args.acled)
    if acled.exists():
        print(format_event_scores(evaluate_events(acled, limit=args.limit, pipeline=pipe),
                                  verbose=args.verbose))
    else:
        _err(f"warning: {acled}: not found; ACLED scores skipped")
    print(format_snippet_scores(evaluate_snippets(Path(args.snippets), pipeline=pipe),
                                verbose=args.verbose))
    return EXIT_OK


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from wirelens.geo.build import build_gazetteer
    from wirelens.geo.gazetteer import Gazetteer, default_path

    path = Path(args.path) if args.path else default_path()
    if args.action == "build":
        stats = build_gazetteer(path)
        print(f"gazetteer written to {path}: {stats}")
    else:
        Gazetteer.load(path)  # builds it first when missing or made from other data versions
        size = path.stat().st_size / 2**20
        print(f"gazetteer: {path} ({size:.1f} MiB)")
    return EXIT_OK


EPILOG_INGEST = """\
examples:
  wirelens ingest samples/articles --db corpus.duckdb
  wirelens ingest news/ extra.jsonl --db corpus.duckdb --workers 2
  wirelens ingest news/ --db corpus.duckdb --engine dask --scheduler tcp://10.0.0.5:8786
"""
EPILOG_QUERY = """\
examples:
  wirelens query "SELECT label, count(*) AS n FROM entities GROUP BY label" --db corpus.duckdb
  wirelens query "SELECT * FROM failures" --db corpus.duckdb --format csv > failures.csv
"""
EPILOG_EXPORT = """\
examples:
  wirelens export --db corpus.duckdb --format csv --output events.csv
  wirelens export --db corpus.duckdb --format geojson --output places.geojson
  wirelens export --db corpus.duckdb --format parquet --table quotes --output quotes.parquet
"""
EPILOG_REPORT = """\
example:
  wirelens report --db corpus.duckdb
"""


def cmd_ingest(args: argparse.Namespace) -> int:
    from wirelens.store.commands import ingest_command

    # A bar only on a terminal: redirected to a file it would be thousands of lines.
    progress = sys.stderr.isatty() and not args.no_progress
    return ingest_command(args.inputs, db=args.db, workers=args.workers, progress=progress,
                          err=sys.stderr, engine=args.engine, scheduler=args.scheduler,
                          outlet_homes=args.outlet_homes)


def cmd_outlets(args: argparse.Namespace) -> int:
    from wirelens.store.commands import outlets_command

    return outlets_command(db=args.db, out=sys.stdout, err=sys.stderr,
                           min_articles=args.min_articles, min_share=args.min_share)


def cmd_query(args: argparse.Namespace) -> int:
    from wirelens.store.commands import query_command

    return query_command(args.sql, db=args.db, fmt=args.format, out=sys.stdout, err=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    from wirelens.store.commands import export_command

    return export_command(db=args.db, fmt=args.format, output=args.output, table=args.table,
                          err=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    from wirelens.store.commands import report_command

    return report_command(db=args.db, out=sys.stdout, err=sys.stderr, limit=args.limit)


def add_store_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    raw = argparse.RawDescriptionHelpFormatter
    db_help = "the DuckDB store (default: wirelens.duckdb)"

    p = sub.add_parser("ingest", help="analyse articles into a DuckDB store (resumable)",
                       epilog=EPILOG_INGEST, formatter_class=raw)
    p.add_argument("inputs", nargs="+", metavar="PATH",
                   help="text, HTML, JSON or JSONL files, directories (recursive), or - for stdin")
    p.add_argument("--db", default="wirelens.duckdb", metavar="FILE",
                   help=db_help + "; created if missing")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes, each loading the model once (default: all cores)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: worker processes on this machine; dask: a Dask cluster "
                        "(needs the [dask] extra)")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                        "(default: a LocalCluster of --workers processes)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (it is shown only on a terminal anyway)")
    p.add_argument("--outlet-homes", default=None, metavar="FILE",
                   help=OUTLET_HOMES_HELP)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("query", help="run read-only SQL against a store",
                       epilog=EPILOG_QUERY, formatter_class=raw)
    p.add_argument("sql", metavar="SQL", help="one SQL statement (tables: see docs/schema.md)")
    p.add_argument("--db", default="wirelens.duckdb", metavar="FILE", help=db_help)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="output format (default: table)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("export", help="write a table of a store to a file",
                       epilog=EPILOG_EXPORT, formatter_class=raw)
    p.add_argument("--db", default="wirelens.duckdb", metavar="FILE", help=db_help)
    p.add_argument("--format", choices=["parquet", "csv", "jsonl", "geojson"], required=True,
                   help="file format; events use ACLED's column names")
    p.add_argument("--output", required=True, metavar="FILE", help="the file to write")
    p.add_argument("--table", default=None,
                   choices=["events", "places", "quotes", "entities", "mentions", "articles",
                            "failures"],
                   help="what to export (default: events; places for geojson)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("report", help="top speakers, people, places and events of a store",
                       epilog=EPILOG_REPORT, formatter_class=raw)
    p.add_argument("--db", default="wirelens.duckdb", metavar="FILE", help=db_help)
    p.add_argument("--limit", type=int, default=15, metavar="N",
                   help="rows per section (default: 15)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("outlets", help="learn each local outlet's home state from a store",
                       description="Print, as JSON, each outlet's home admin-1 unit learned "
                                   "from the places of its stored articles; give the file to "
                                   "later runs with --outlet-homes.")
    p.add_argument("--db", default="wirelens.duckdb", metavar="FILE", help=db_help)
    p.add_argument("--min-articles", type=int, default=None, metavar="N",
                   help="articles that must name an outlet's home unit (default: 3, "
                        "tuned on LGL)")
    p.add_argument("--min-share", type=float, default=None, metavar="X",
                   help="share of the outlet's articles with places that must name it "
                        "(default: 0.5)")
    p.set_defaults(func=cmd_outlets)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wirelens",
        description="Structured, verifiable evidence from conflict news.",
    )
    parser.add_argument("--version", action="version", version=f"wirelens {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "analyze", help="analyse articles and print one structured record each",
        epilog=EPILOG_ANALYZE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="FILE",
                   help="text, HTML, JSON or JSONL files, directories (recursive), or - for stdin")
    p.add_argument("--format", choices=["text", "json", "jsonl", "md"], default="text",
                   help="output format (default: text; json gives an array for several inputs)")
    p.add_argument("--max-chars", type=int, default=1_000_000, metavar="N",
                   help="reject documents longer than N characters (default: 1,000,000)")
    p.add_argument("--batch-size", type=int, default=16, metavar="N",
                   help="articles parsed together (default: 16)")
    p.add_argument("--outlet-homes", default=None, metavar="FILE", help=OUTLET_HOMES_HELP)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("eval", help="evaluate against annotated data", epilog=EPILOG_EVAL,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    ev = p.add_subparsers(dest="what", required=True)
    pe = ev.add_parser("entities", help="entity precision/recall on our annotated articles",
                       epilog=EPILOG_EVAL, formatter_class=argparse.RawDescriptionHelpFormatter)
    pe.add_argument("--articles", default="samples/articles", metavar="DIR",
                    help="folder of annotated articles (default: samples/articles)")
    pe.add_argument("--gold", default="tests/gold/entities", metavar="DIR",
                    help="folder of gold entity files (default: tests/gold/entities)")
    pe.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    pe.add_argument("--baseline", action="store_true",
                    help="score the bare spaCy model instead, for comparison")
    pe.set_defaults(func=cmd_eval)
    pq = ev.add_parser(
        "quotes", help="quote attribution scores on PolNeAR (brat standoff) or on our "
                       "annotated articles (direct quotes)",
        epilog="examples:\n  wirelens eval quotes --polnear ../shared/benchmarks/polnear/dev\n"
               "  wirelens eval quotes --articles samples/articles --gold tests/gold/quotes "
               "--verbose",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    source = pq.add_mutually_exclusive_group(required=True)
    source.add_argument("--polnear", metavar="DIR",
                        help="a PolNeAR split folder holding text/ and attributions/")
    source.add_argument("--articles", metavar="DIR",
                        help="a folder of articles with hand-written direct-quote gold "
                             "(see --gold)")
    pq.add_argument("--gold", default="tests/gold/quotes", metavar="DIR",
                    help="gold quote files for --articles (default: tests/gold/quotes)")
    pq.add_argument("--limit", type=int, default=None, metavar="N",
                    help="score only the first N PolNeAR documents")
    pq.add_argument("--verbose", action="store_true",
                    help="with --articles: list every miss, false positive and wrong speaker")
    pq.set_defaults(func=cmd_eval_quotes)
    pg = ev.add_parser(
        "geo", help="geoparsing scores on LGL / TR-News (or any file in their XML format)",
        epilog="example:\n  wirelens eval geo --corpus lgl --gold-spans",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    pg.add_argument("--corpus", default="lgl", metavar="lgl|trnews|geovirus|PATH",
                    help="a corpus under ../shared/benchmarks/geo, a corpus file, or a folder "
                         "of our own place gold such as tests/gold/places (default: lgl)")
    pg.add_argument("--gold-spans", action="store_true", help="resolve the gold toponym spans")
    pg.add_argument("--countries", default=None, metavar="NAMES",
                    help="also score resolution over the gold places in these countries "
                         "(comma-separated names, e.g. 'Ukraine,Russia')")
    pg.add_argument("--no-outlet-homes", action="store_true",
                    help="score each article alone: learn no outlet homes from the corpus")
    pg.add_argument("--limit", type=int, default=None, metavar="N",
                    help="first N articles only")
    pg.add_argument("--verbose", action="store_true", help="list every miss and wrong place")
    pg.set_defaults(func=cmd_eval_geo)
    pv = ev.add_parser(
        "events", help="event coding: a held-out ACLED split and our news-style snippets",
        epilog="examples:\n  wirelens eval events --limit 300\n"
               "  wirelens eval events --articles samples/articles "
               "--gold tests/gold/events/articles",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    pv.add_argument("--acled", default="../shared/benchmarks/acled/acled_events.csv",
                    metavar="CSV", help="ACLED events CSV (default: the one in ../shared)")
    pv.add_argument("--snippets", default="tests/gold/events/snippets.jsonl", metavar="FILE",
                    help="our annotated news-style snippets")
    pv.add_argument("--limit", type=int, default=None, metavar="N",
                    help="score only the first N held-out ACLED notes")
    pv.add_argument("--articles", default=None, metavar="DIR",
                    help="score whole articles in DIR against --gold instead")
    pv.add_argument("--gold", default="tests/gold/events/articles", metavar="DIR",
                    help="gold events per article (with --articles)")
    pv.add_argument("--verbose", action="store_true", help="list every wrong code")
    pv.set_defaults(func=cmd_eval_events)

    p = sub.add_parser("gazetteer", help="build the offline place index", epilog=EPILOG_GAZ,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    gz = p.add_subparsers(dest="action", required=True)
    pb = gz.add_parser("build", help="build the index from the installed GeoNames data",
                       epilog=EPILOG_GAZ, formatter_class=argparse.RawDescriptionHelpFormatter)
    pb.add_argument("--path", metavar="FILE", help="where to write it (default: the cache dir)")
    pb.set_defaults(func=cmd_gazetteer)
    pi = gz.add_parser("info", help="where the index is and its size; builds it if missing",
                       epilog=EPILOG_GAZ, formatter_class=argparse.RawDescriptionHelpFormatter)
    pi.add_argument("--path", metavar="FILE", help="the index file (default: the cache dir)")
    pi.set_defaults(func=cmd_gazetteer)
    add_store_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except ConfigError as exc:
        _err(f"error: {exc}")
        return EXIT_CONFIG
    except BrokenPipeError:
        # `wirelens analyze ... | head` closes the pipe early; that is not an error
        return EXIT_OK
    return code
