"""Stanza models: where they live, which ones each language uses, and fetching them.

Only ``accords models download`` touches the network. Builds read the model
directory as it is: :func:`check` says, from ``resources.json`` and the files on
disk, whether a language's models are complete, without importing Stanza.
The directory is ``--model-dir``, else ``$ACCORDS_STANZA_DIR``, else
``$XDG_CACHE_HOME/accords/stanza`` (``~/.cache/accords/stanza``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

ENV_DIR = "ACCORDS_STANZA_DIR"
CHOICE_FILE = "accords-choice.json"  # per language: keep Stanza, or the rules (``accords models choose``)
SPEC_FILE = "stanza.yml"
FETCH_TIMEOUT = 60  # seconds; Stanza's own resources.json fetch has none


@dataclass(frozen=True)
class Spec:
    """:file:`accords/stanza.yml`: candidate packages per language and processor."""

    languages: dict[str, dict[str, tuple[str, ...]]]
    person_labels: frozenset[str]
    name_lemmas: frozenset[str]
    other_labels: frozenset[str] = frozenset()


@cache
def load_spec() -> Spec:
    """The declared Stanza set-up (cached per process)."""
    text = resources.files("accords").joinpath(SPEC_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    langs = {lang: {proc: tuple(str(p).lower() for p in pkgs) for proc, pkgs in procs.items()}
             for lang, procs in data["languages"].items()}
    return Spec(langs, frozenset(data["person_labels"]), frozenset(data["name_lemmas"]),
                frozenset(data.get("other_labels") or ()))


def model_dir(option: Path | None = None) -> Path:
    """The Stanza model directory: the option, else the environment, else the user's cache."""
    if option is not None:
        return option.expanduser()
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR]).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or "~/.cache").expanduser() / "accords" / "stanza"


def read_choice(directory: Path) -> dict[str, str]:
    """Language → annotator ("stanza" or "rules") that ``accords models choose`` kept."""
    try:
        data = json.loads((directory / CHOICE_FILE).read_text(encoding="utf-8"))
        return {str(lang): str(v["annotator"]) for lang, v in data.get("languages", {}).items()}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}


def read_resources(directory: Path) -> dict[str, Any] | None:
    """The directory's ``resources.json``, or ``None`` when absent or unreadable."""
    try:
        data = json.loads((directory / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def lang_resources(res: dict[str, Any], lang: str) -> dict[str, Any]:
    """The ``resources.json`` entry of ``lang``, following aliases."""
    entry = res.get(lang)
    while isinstance(entry, dict) and "alias" in entry:
        entry = res.get(entry["alias"])
    return entry if isinstance(entry, dict) else {}


def choose(lang: str, res: dict[str, Any], spec: Spec) -> dict[str, str]:
    """Processor → package for ``lang``: the first candidate ``resources.json`` lists."""
    lr = lang_resources(res, lang)
    packages = lr.get("packages", {})
    chosen: dict[str, str] = {}
    for proc, candidates in spec.languages.get(lang, {}).items():
        listed = {k.lower(): k for k in lr.get(proc, {})}
        for cand in candidates:
            alias = packages.get(cand, {}).get(proc) if cand not in listed else cand
            name = (alias[0] if isinstance(alias, list) and alias else alias) or ""
            if str(name).lower() in listed:
                chosen[proc] = listed[str(name).lower()]
                break
    tok = chosen.get("tokenize", "")
    mwt = lr.get("mwt", {})
    for base in (tok, tok.rsplit("_", 1)[0]):
        if tok and base in mwt:
            chosen["mwt"] = base  # the tokenizer splits multi-word tokens (Turkish, Kazakh)
            break
    return chosen if "tokenize" in chosen else {}


def required_files(lang: str, res: dict[str, Any], chosen: dict[str, str]) -> list[Path]:
    """Model files (relative to the directory) that the chosen packages need, dependencies too."""
    lr = lang_resources(res, lang)
    files: list[Path] = []
    for proc, pkg in chosen.items():
        files.append(Path(lang, proc, f"{pkg}.pt"))
        for dep in lr.get(proc, {}).get(pkg, {}).get("dependencies", []):
            files.append(Path(lang, dep["model"], f"{dep['package']}.pt"))
    return sorted(set(files))


def check(lang: str, directory: Path, spec: Spec | None = None
          ) -> tuple[dict[str, str], str | None]:
    """(processor → package, None) when ``lang``'s models are complete, else ({}, why not)."""
    spec = spec or load_spec()
    if lang not in spec.languages:
        return {}, "no Stanza set-up for this language"
    res = read_resources(directory)
    if res is None:
        return {}, "no resources.json"
    chosen = choose(lang, res, spec)
    if not chosen:
        return {}, "no tokenizer listed in resources.json"
    missing = [str(f) for f in required_files(lang, res, chosen) if not (directory / f).is_file()]
    if missing:
        return {}, "missing " + ", ".join(missing)
    return chosen, None


def fetch_resources(directory: Path, url: str | None = None) -> dict[str, Any]:
    """Download Stanza's ``resources.json`` for the installed version (with a timeout)."""
    if url is None:
        from stanza.resources.common import DEFAULT_RESOURCES_URL, DEFAULT_RESOURCES_VERSION

        url = f"{DEFAULT_RESOURCES_URL}/resources_{DEFAULT_RESOURCES_VERSION}.json"
    with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 (http(s)/file)
        raw = response.read()
    data: dict[str, Any] = json.loads(raw)
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / "resources.json.tmp"
    tmp.write_bytes(raw)
    tmp.replace(directory / "resources.json")
    return data


def download(langs: list[str], directory: Path, resources_url: str | None = None) -> int:
    """Fetch the models of ``langs`` (default: all in the spec); 0 when all are complete."""
    import stanza

    spec = load_spec()
    res = fetch_resources(directory, resources_url)
    status = 0
    for lang in langs or sorted(spec.languages):
        chosen = choose(lang, res, spec)
        if not chosen:
            print(f"{lang}: no Stanza models used; the rule-based annotator handles it",
                  file=sys.stderr)
            continue
        stanza.download(lang, model_dir=str(directory), package=None, processors=dict(chosen),
                        download_json=False, logging_level="WARN")
        _, problem = check(lang, directory, spec)
        print(f"{lang}: " + (problem or "ok, " + ", ".join(f"{p}={k}" for p, k in chosen.items())))
        status = status or (1 if problem else 0)
    return status


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``accords models download``."""
    p = sub.add_parser("models", help="fetch the Stanza models the build may use",
                       description="Manage the Stanza models of the NLP layer. Builds never "
                       "download; they use what this command fetched, else the rules.")
    verbs = p.add_subparsers(dest="verb", required=True)
    d = verbs.add_parser("download", help="download Stanza models for some or all languages",
                         description="Download the Stanza models that accords/stanza.yml chooses "
                         "for each LANG (default: all of its languages) into the model directory.")
    d.add_argument("langs", nargs="*", metavar="LANG",
                   help="language codes, e.g. en ru (default: all)")
    d.add_argument("--model-dir", type=Path, default=None,
                   help=f"where models go (default: ${ENV_DIR}, else ~/.cache/accords/stanza)")
    d.set_defaults(run=run)
    c = verbs.add_parser("choose", help="keep Stanza for a language only where it does not lower F1",
                         description="Evaluate against gold with the rules alone and with Stanza; per "
                         f"language, keep Stanza only where its mean F1 is no lower, and record the choice "
                         f"in the model directory ({CHOICE_FILE}), which builds follow.")
    c.add_argument("gold", type=Path, help="gold JSON file, or folder of them")
    c.add_argument("--seeds", type=Path, default=Path("seeds"), help="the seeds the gold is about (default: seeds)")
    c.add_argument("--model-dir", type=Path, default=None,
                   help=f"the models (default: ${ENV_DIR}, else ~/.cache/accords/stanza)")
    c.set_defaults(run=run_choose)


def run_choose(args: argparse.Namespace) -> int:
    """Run ``accords models choose``: print the comparison and write the choice."""
    from accords.evaluate import choose_annotators

    directory = model_dir(args.model_dir)
    os.environ[ENV_DIR] = str(directory)
    choice = choose_annotators(args.gold, args.seeds, Path.cwd())
    if not choice:
        print(f"no language has usable Stanza models in {directory}: nothing to choose", file=sys.stderr)
        return 0
    directory.mkdir(parents=True, exist_ok=True)
    (directory / CHOICE_FILE).write_text(json.dumps({"languages": choice}, indent=1, sort_keys=True) + "\n",
                                         encoding="utf-8")
    print("| language | mean F1, rules | mean F1, Stanza | kept |\n|---|---|---|---|")
    for lang, c in choice.items():
        print(f"| {lang} | {c['f1_rules']:.2f} | {c['f1_stanza']:.2f} | {c['annotator']} |")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run ``accords models download``; return the exit status."""
    directory = model_dir(args.model_dir)
    try:
        return download(list(args.langs), directory)
    except Exception as exc:  # the network, the hub, a bad resources.json: one line, no traceback
        print(f"accords: could not download Stanza models into {directory}: {exc}", file=sys.stderr)
        return 1
