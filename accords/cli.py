"""``accords`` command line: one command per stage, plus ``build``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from accords import diff, models, newseed, release
from accords.documents import SeedErrors
from accords.evaluate import GoldError


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``accords`` command."""
    parser = argparse.ArgumentParser(prog="accords", description="Government meetings and signed "
                                     "agreements, extracted from news articles with citations.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the data package and the website",
                       description="Extract, resolve and publish the seeds as a validated data "
                       "package (OUT/data) and a website (OUT/site).")
    b.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed articles (default: seeds)")
    b.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build)")
    b.add_argument("--no-site", action="store_true", help="build the data package only")
    b.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="extract in N processes (default: the CPUs available, at most 8; 1: in-process)")
    _nlp_options(b)
    e = sub.add_parser("evaluate", help="score a build against gold annotations",
                       description="Print precision, recall and F1 per table against gold JSON files.")
    e.add_argument("gold", type=Path, help="gold JSON file, or folder of them (subfolders included)")
    e.add_argument("--seeds", type=Path, default=Path("seeds"),
                   help="folder of seed articles, or of subfolders of them (default: seeds)")
    e.add_argument("--data", type=Path, default=None,
                   help="an already built data folder (default: build the seeds into a temporary folder)")
    e.add_argument("--brief", action="store_true", help="tables only, without the list of misses")
    _nlp_options(e)
    c = sub.add_parser("check", help="validate seed files and show what each yields",
                       description="Check seed files and print the meetings, agreements and "
                       "signatories each yields, with quotes.")
    c.add_argument("seeds", type=Path, nargs="+", help="seed files to check")
    c.add_argument("--against", type=Path, default=Path("seeds"), metavar="DIR",
                   help="the published seeds, for duplicates (default: seeds)")
    newseed.add_parser(sub)
    diff.add_parser(sub)
    release.add_parser(sub)
    models.add_parser(sub)
    args = parser.parse_args(argv)
    if getattr(args, "model_dir", None) is not None:  # read by accords.models in this process and its workers
        os.environ[models.ENV_DIR] = str(args.model_dir)
    if getattr(args, "nlp", None) is not None:
        os.environ["ACCORDS_NLP"] = args.nlp
    try:
        if hasattr(args, "run"):  # commands that register themselves: new-seed, diff
            return int(args.run(args))
        if args.command == "build":
            return _build(args.seeds, args.out, not args.no_site, args.jobs)
        if args.command == "evaluate":
            return _evaluate(args.gold, args.seeds, args.data, args.brief)
        return _check(args.seeds, args.against)
    except GoldError as exc:
        print(f"accords: {exc}", file=sys.stderr)
        return 2
    except SeedErrors as exc:
        for err in exc.errors:
            print(err, file=sys.stderr)
        print(f"accords: {len(exc.errors)} seed error(s); nothing was published", file=sys.stderr)
        return 2


def _nlp_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model-dir", type=Path, default=None, metavar="DIR",
                   help=f"Stanza model directory (default: ${models.ENV_DIR}, else ~/.cache/accords/stanza)")
    p.add_argument("--nlp", choices=("auto", "stanza", "rules"), default=None,
                   help="auto: Stanza where its models are and `accords models choose` kept it (default); "
                   "stanza: wherever its models are; rules: the rule-based annotator everywhere")


def _build(seeds: Path, out: Path, site: bool, jobs: int | None) -> int:
    from accords.batch import default_jobs
    from accords.build import BuildError, build
    from accords.site import SiteBuildError

    try:
        result = build(seeds, out, site=site, repo=Path.cwd(), jobs=jobs or default_jobs())
    except (BuildError, SiteBuildError, OSError) as exc:  # OSError: disk full, no permission …
        print(f"accords: build failed, {out} left as it was:\n{exc}", file=sys.stderr)
        return 1
    for w in result.warnings:
        print(w, file=sys.stderr)
    counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
    print(f"built {result.out}: {counts}")
    return 0


def _evaluate(gold: Path, seeds: Path, data: Path | None, brief: bool) -> int:
    from accords.build import build_data
    from accords.evaluate import check_gold, evaluate, format_report, gather_seeds
    from accords.extract.nlp import handled

    check_gold(gold)  # a gold file the scorer cannot read stops it before the build, not after

    with tempfile.TemporaryDirectory() as tmp:
        seeds = gather_seeds(seeds, Path(tmp) / "seeds")  # nested test articles → one folder
        if data is None:
            build_data(seeds, Path(tmp) / "data", Path.cwd())
            data = Path(tmp) / "data"
        report = evaluate(gold, data, seeds)
    report.annotators = handled()  # empty with --data: the build ran elsewhere
    print(format_report(report, details=not brief))
    return 0


def _check(paths: list[Path], against: Path) -> int:
    from accords.documents import SeedError, article_key, load_seed
    from accords.extract import extract

    status = 0
    known = _published_keys(against, {p.resolve() for p in paths})
    for path in paths:
        doc, problems = load_seed(path, path.parent)
        if doc is not None:
            key = article_key(doc)
            if key in known:  # the same article as a published seed, or as another file checked here
                problems.append(SeedError(path.name, None, f"same content as {known[key]} (the article text is "
                                          "identical)", "keep one file: the same article is one source"))
            known.setdefault(key, str(path))
        for problem in problems:
            print(problem, file=sys.stderr)
        if doc is None or any(not p.warning for p in problems):
            status = 2
            continue
        facts = extract(doc)
        print(f"{path}: language {doc.language}, {len(facts.meetings)} meeting(s), "
              f"{len(facts.agreements)} signed agreement(s)")
        if not facts.meetings and not facts.agreements:
            print("  no meeting or signed agreement found (the seed is accepted and yields nothing)")
        for m in facts.meetings:
            print(f"  meeting: {m.kind} {','.join(m.countries)} {m.date.iso() or 'date unknown'} "
                  f"{m.city or ''}  «{m.kind_cite.quote}»")
            for p in m.participants:
                print(f"    participant: {p.name} ({p.country}, {p.role_en})  «{p.name_cite.quote}»")
        for a in facts.agreements:
            print(f"  agreement: {a.kind} «{a.title}» signed {a.signed_date.iso() or '?'}")
            for s, c in zip(a.signatories, a.signatory_cites, strict=True):
                print(f"    signatory: {s.name} ({s.country})  «{c.quote}»")
    return status


def _published_keys(seeds: Path, checked: set[Path]) -> dict[str, str]:
    """Article key → file of each readable seed in ``seeds`` (the files being checked aside)."""
    from accords.documents import article_key, load_seed, seed_paths

    keys: dict[str, str] = {}
    if not seeds.is_dir():
        return keys
    for path in seed_paths(seeds):
        if path.resolve() in checked:
            continue
        doc, _ = load_seed(path, seeds)
        if doc is not None:
            keys.setdefault(article_key(doc), str(path))
    return keys


if __name__ == "__main__":
    sys.exit(main())
