"""Score a built data package against gold annotations (../shared/corpus format).

Per gold file, the rows citing that source are compared with the file's gold:
- a meeting is right when countries, date (at the same precision) and city equal the
  gold, and its kind is one the gold gives for that event in any report of it;
- a participant / signatory is right when its country and name (given name and
  surname compared by cross-script skeleton) match a gold one of the matched event;
- an agreement is right when kind, parties, signing date and validity years match.
Reports of one event (``same_event_as``) must be one meeting row: each extra row is
counted as a false meeting. Citations are checked against the seed files.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accords.package import read_tables
from accords.resolve.people import name_key

Json = dict[str, Any]  # a gold record or a published row, as read from JSON or CSV

TABLES = ("meetings", "participants", "agreements", "signatories")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TABLES})
    by_language: dict[str, dict[str, Score]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    citations_ok: int = 0
    citations_total: int = 0
    false_signings: int = 0
    names_en: list[int] = field(default_factory=lambda: [0, 0])  # matched people whose name_en is exact / all
    roles_en: list[int] = field(default_factory=lambda: [0, 0])  # matched participants whose role_en is exact / all
    annotators: dict[str, str] = field(default_factory=dict)  # language → NLP annotator that ran

    def language_f1(self, lang: str) -> float:
        """The mean of a language's F1 over the four tables (what decides its annotator)."""
        row = self.by_language.get(lang, {})
        return sum(row[t].f1 for t in TABLES) / len(TABLES) if row else 0.0

    def add(self, table: str, lang: str, tp: int, fp: int, fn: int) -> None:
        for s in (self.scores[table], self.by_language.setdefault(lang, {t: Score() for t in TABLES})[table]):
            s.tp += tp
            s.fp += fp
            s.fn += fn


def _names_match(a: str, b: str) -> bool:
    ga, sa = name_key(a)
    gb, sb = name_key(b)
    return bool(sa) and sa == sb and (not ga or not gb or ga[:1] == gb[:1]
                                      and (ga == gb or len(ga) == 1 or len(gb) == 1))


def _person_ok(pred: Json, gold: Json) -> bool:
    if pred.get("country") != gold.get("country"):
        return False
    names = [str(pred.get("name_en") or ""), str(pred.get("name") or "")]
    golds = [str(gold.get("name_en") or ""), str(gold.get("name_as_written") or "")]
    return any(_names_match(a, b) for a in names for b in golds if a and b)


def _pair(preds: list[Json], golds: list[Json], ok: Callable[[Json, Json], bool],
          prefer: Callable[[Json, Json], int] | None = None) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of predictions and gold items (best ``prefer`` score first)."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        cands = [pi for pi, p in enumerate(preds) if pi not in used and ok(p, g)]
        if not cands:
            continue
        if prefer is not None:
            cands.sort(key=lambda pi: -prefer(preds[pi], g))
        used.add(cands[0])
        pairs.append((cands[0], gi))
    return pairs


def gold_paths(gold: Path) -> list[Path]:
    """Gold JSON files: ``gold`` itself, or every ``*.json`` under the folder (subfolders too)."""
    return [gold] if gold.is_file() else sorted(gold.rglob("*.json"))


def gather_seeds(seeds_dir: Path, dest: Path) -> Path:
    """A flat seeds folder: ``seeds_dir`` itself, or ``dest`` holding every ``*.txt`` below it.

    Test articles live in one folder per language (``tests/articles/<lang>/``); the
    loader reads one flat folder, so nested articles are copied side by side first.
    """
    if not seeds_dir.is_dir() or any(p.suffix == ".txt" for p in seeds_dir.iterdir()):
        return seeds_dir
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(seeds_dir.rglob("*.txt")):
        if (dest / path.name).exists():
            raise ValueError(f"two articles named {path.name} under {seeds_dir}")
        shutil.copyfile(path, dest / path.name)
    return dest


def _exact(tally: list[int], pred: object, gold: object) -> None:
    """Count an exact English value (case and apostrophes aside) among matched pairs."""
    if not gold:
        return
    def norm(v: object) -> str:
        return "".join(c for c in str(v or "").casefold() if c.isalnum() or c == " ")
    tally[0] += norm(pred) == norm(gold)
    tally[1] += 1


def evaluate(gold_dir: Path, data_dir: Path, seeds_dir: Path) -> Report:
    """Compare the package in ``data_dir`` with the gold JSON file(s) at ``gold_dir``."""
    tables = read_tables(data_dir)
    golds = check_gold(gold_dir)
    kinds = _event_kinds(golds)
    src_of = {str(r["file"]): str(r["source_id"]) for r in tables["sources"]}
    report = Report()
    event_rows: dict[str, set[str]] = defaultdict(set)
    for file, gold in sorted(golds.items()):
        sid = src_of.get(file)
        lang = str(gold.get("language"))
        if sid is None:
            report.misses.append(f"{file}: source not in the build")
            continue
        _score_file(report, file, gold, sid, lang, tables, kinds, event_rows)
    for event, rows in sorted(event_rows.items()):
        if len(rows) > 1:
            report.scores["meetings"].fp += len(rows) - 1
            report.false.append(f"{event}: one event published as {len(rows)} meetings {sorted(rows)}")
    _check_citations(report, tables, seeds_dir)
    return report


class GoldError(ValueError):
    """A gold file the scorer cannot read, with the file and the fix in its message."""


LINK_KEYS = ("this_meeting", "file", "meeting")  # a meeting of this file, the other file, its meeting


def check_gold(gold_dir: Path) -> dict[str, Json]:
    """The gold files at ``gold_dir`` by the article they annotate; :class:`GoldError` for one
    the scorer cannot read (checked before anything is built)."""
    golds: dict[str, Json] = {}
    where: dict[str, Path] = {}
    for p in gold_paths(gold_dir):
        g = json.loads(p.read_text(encoding="utf-8"))
        golds[g["file"]], where[g["file"]] = g, p
    _check_links(golds, where)
    return golds


def _check_links(golds: dict[str, Json], where: dict[str, Path]) -> None:
    """Every ``same_event_as`` link names a meeting of its own file and one of a gold file given."""
    for file, g in golds.items():
        own = {str(m["id"]) for m in g.get("meetings", [])}
        for i, link in enumerate(g.get("same_event_as", [])):
            if not isinstance(link, dict) or any(k not in link for k in LINK_KEYS):
                got = sorted(link) if isinstance(link, dict) else type(link).__name__
                raise GoldError(f"{where[file]}: same_event_as[{i}] needs the keys {', '.join(LINK_KEYS)} "
                                f"(this file's meeting, the other article's file and its meeting); got {got}")
            other = golds.get(str(link["file"]))
            if str(link["this_meeting"]) not in own:
                raise GoldError(f"{where[file]}: same_event_as[{i}]: this file has no meeting "
                                f"{link['this_meeting']!r} (its meetings: {', '.join(sorted(own)) or 'none'})")
            if other is not None and str(link["meeting"]) not in {str(m["id"]) for m in other.get("meetings", [])}:
                raise GoldError(f"{where[file]}: same_event_as[{i}]: {link['file']} has no meeting {link['meeting']!r}")


def _event_kinds(golds: dict[str, Json]) -> dict[tuple[str, str], tuple[str, set[str]]]:
    """(file, meeting id) → (event name, kinds any report gives it)."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for file, g in golds.items():
        for m in g.get("meetings", []):
            find((file, m["id"]))
        for link in g.get("same_event_as", []):
            a, b = find((file, link["this_meeting"])), find((link["file"], link["meeting"]))
            parent[a] = b
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for file, g in golds.items():
        for m in g.get("meetings", []):
            kinds[find((file, m["id"]))].add(m["kind"])
    return {k: (f"{find(k)[0]}#{find(k)[1]}", kinds[find(k)]) for k in list(parent)}


def _score_file(report: Report, file: str, gold: Json, sid: str, lang: str,
                tables: dict[str, list[Json]], kinds: dict[tuple[str, str], tuple[str, set[str]]],
                event_rows: dict[str, set[str]]) -> None:
    def cites(row: Json) -> bool:
        return sid in (row.get("source_ids") or [])

    pm = [r for r in tables["meetings"] if cites(r)]
    gm: list[Json] = list(gold.get("meetings", []))

    def meeting_ok(p: Json, g: Json) -> bool:
        return (sorted(p.get("countries") or []) == sorted(g["countries"])
                and p.get("date") == g.get("date") and p.get("city") == g.get("city")
                and p.get("kind") in kinds[(file, str(g["id"]))][1])

    gpeople = gold.get("participants", [])

    def people_overlap(p: Json, g: Json) -> int:
        """Of two meetings alike in kind, states, day and city, the one with the gold's people."""
        names = [r for r in tables["participants"] if r["meeting_id"] == p["meeting_id"]]
        wanted = [x for x in gpeople if x["meeting"] == g["id"]]
        return sum(any(_person_ok(r, w) for r in names) for w in wanted) - abs(len(names) - len(wanted))

    pairs = _pair(pm, gm, meeting_ok, people_overlap)
    _tally(report, "meetings", lang, file, pm, gm, pairs, _meeting_text)
    mid_of_gold = {str(gm[gi]["id"]): str(pm[pi]["meeting_id"]) for pi, gi in pairs}
    for pi, gi in pairs:
        event_rows[kinds[(file, str(gm[gi]["id"]))][0]].add(str(pm[pi]["meeting_id"]))
    pmids = {str(r["meeting_id"]) for r in pm}
    pp = [r for r in tables["participants"] if cites(r) and r["meeting_id"] in pmids]
    gp: list[Json] = list(gold.get("participants", []))
    ppairs = _pair(pp, gp, lambda p, g: p["meeting_id"] == mid_of_gold.get(str(g["meeting"]), p["meeting_id"])
                   and _person_ok(p, g))
    _tally(report, "participants", lang, file, pp, gp, ppairs, _person_text)
    for pi, gi in ppairs:
        _exact(report.names_en, pp[pi].get("name_en"), gp[gi].get("name_en"))
        _exact(report.roles_en, pp[pi].get("role_en"), gp[gi].get("role_en"))
    pa = [r for r in tables["agreements"] if cites(r)]
    ga: list[Json] = list(gold.get("agreements", []))

    def agreement_ok(p: Json, g: Json) -> bool:
        return (p.get("kind") == g.get("kind") and sorted(p.get("countries") or []) == sorted(g["countries"])
                and p.get("signed_date") == g.get("signed_date")
                and p.get("valid_from") == g.get("valid_from") and p.get("valid_to") == g.get("valid_to")
                and _same_meeting(p.get("meeting_id"), g.get("meeting"), mid_of_gold))

    gsig = gold.get("signatories", [])

    def signer_overlap(p: Json, g: Json) -> int:
        names = [r for r in tables["signatories"] if r["agreement_id"] == p["agreement_id"]]
        wanted = [s for s in gsig if s["agreement"] == g["id"]]
        return sum(any(_person_ok(r, w) for r in names) for w in wanted) - abs(len(names) - len(wanted))

    apairs = _pair(pa, ga, agreement_ok, signer_overlap)
    _tally(report, "agreements", lang, file, pa, ga, apairs, _agreement_text)
    report.false_signings += len(pa) - len(apairs)
    aid_of_gold = {str(ga[gi]["id"]): str(pa[pi]["agreement_id"]) for pi, gi in apairs}
    paids = {str(r["agreement_id"]) for r in pa}
    ps = [r for r in tables["signatories"] if cites(r) and r["agreement_id"] in paids]
    gs: list[Json] = list(gold.get("signatories", []))
    spairs = _pair(ps, gs, lambda p, g: p["agreement_id"] == aid_of_gold.get(str(g["agreement"]))
                   and _person_ok(p, g))
    _tally(report, "signatories", lang, file, ps, gs, spairs, _person_text)


def _same_meeting(pred: object, gold: object, mid_of_gold: dict[str, str]) -> bool:
    """An agreement belongs to the right event: none when the gold names none (a background
    signing), else the row matched to the gold meeting (any row when that one was missed)."""
    if gold is None:
        return pred in (None, "")
    return str(gold) not in mid_of_gold or pred == mid_of_gold[str(gold)]


def _tally(report: Report, table: str, lang: str, file: str, preds: list[Json],
           golds: list[Json], pairs: list[tuple[int, int]], show: Callable[[Json], str]) -> None:
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    report.add(table, lang, len(pairs), len(preds) - len(matched_p), len(golds) - len(matched_g))
    for i, g in enumerate(golds):
        if i not in matched_g:
            report.misses.append(f"{file}: missed {table[:-1]} {show(g)}")
    for i, p in enumerate(preds):
        if i not in matched_p:
            report.false.append(f"{file}: false {table[:-1]} {show(p)}")


def _meeting_text(r: Json) -> str:
    return f"{r.get('kind')} {','.join(r.get('countries') or [])} {r.get('date')} {r.get('city')}"


def _person_text(r: Json) -> str:
    return f"{r.get('name_en')} ({r.get('country')})"


def _agreement_text(r: Json) -> str:
    return (f"{r.get('kind')} {','.join(r.get('countries') or [])} signed {r.get('signed_date')} "
            f"valid {r.get('valid_from')}-{r.get('valid_to')}")


def _check_citations(report: Report, tables: dict[str, list[Json]], seeds_dir: Path) -> None:
    files = {str(r["source_id"]): str(r["file"]) for r in tables["sources"]}
    texts: dict[str, str] = {}
    for c in tables["citations"]:
        sid = str(c["source_id"])
        if sid not in texts:
            path = seeds_dir / files[sid]
            texts[sid] = path.read_text(encoding="utf-8") if path.is_file() else ""
        report.citations_total += 1
        start, end = int(c["start"]), int(c["end"])
        report.citations_ok += texts[sid][start:end] == c["quote"]


def format_report(report: Report, *, details: bool = True) -> str:
    """The evaluation as Markdown: overall table, per-language recall, misses, false facts."""
    lines = ["| table | precision | recall | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
    for t in TABLES:
        s = report.scores[t]
        lines.append(f"| {t} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | {s.tp} | {s.fp} | {s.fn} |")
    share = report.citations_ok / report.citations_total if report.citations_total else 1.0
    lines += ["", f"Faithful citations: {report.citations_ok}/{report.citations_total} ({share:.2f}); "
              f"false signings: {report.false_signings}",
              f"English names of matched people: {report.names_en[0]}/{report.names_en[1]} exact; "
              f"roles: {report.roles_en[0]}/{report.roles_en[1]} exact", "",
              "| language | " + " | ".join(f"{t} recall" for t in TABLES) + " | mean F1 | annotator |",
              "|---|" + "---|" * (len(TABLES) + 2)]
    for lang in sorted(report.by_language):
        row = report.by_language[lang]
        lines.append(f"| {lang} | " + " | ".join(f"{row[t].recall:.2f}" for t in TABLES)
                     + f" | {report.language_f1(lang):.2f} | {report.annotators.get(lang, '—')} |")
    if details:
        lines += ["", "Misses:"] + [f"- {m}" for m in report.misses or ["none"]]
        lines += ["", "False facts:"] + [f"- {m}" for m in report.false or ["none"]]
    return "\n".join(lines)


def choose_annotators(gold: Path, seeds: Path, repo: Path) -> dict[str, dict[str, object]]:
    """Per language with Stanza models: the mean F1 with the rules alone and with Stanza, and
    which to keep: Stanza only where it does not lower F1."""
    import os
    import tempfile

    from accords.build import build_data
    from accords.extract import nlp

    reports: dict[str, Report] = {}
    handled: dict[str, str] = {}
    before = os.environ.get(nlp.ENV_MODE)
    try:
        for mode in ("rules", "stanza"):
            os.environ[nlp.ENV_MODE] = mode
            nlp.reset()
            with tempfile.TemporaryDirectory() as tmp:
                flat = gather_seeds(seeds, Path(tmp) / "seeds")
                build_data(flat, Path(tmp) / "data", repo)
                reports[mode] = evaluate(gold, Path(tmp) / "data", flat)
            if mode == "stanza":
                handled = nlp.handled()
    finally:
        nlp.reset()
        if before is None:
            os.environ.pop(nlp.ENV_MODE, None)
        else:
            os.environ[nlp.ENV_MODE] = before
    out: dict[str, dict[str, object]] = {}
    for lang, how in sorted(handled.items()):
        if not how.startswith("stanza"):
            continue
        rules, stanza = reports["rules"].language_f1(lang), reports["stanza"].language_f1(lang)
        out[lang] = {"annotator": "stanza" if stanza >= rules else "rules",
                     "f1_rules": round(rules, 4), "f1_stanza": round(stanza, 4)}
    return out
