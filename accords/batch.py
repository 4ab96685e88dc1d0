"""Documents → facts for a whole corpus: cached, and in parallel processes.

:func:`accords.extract.extract` is pure (one document and the lexicons in, facts
out), so documents can be extracted in any order, in any process, and the results
put back in document order: the output does not depend on ``jobs``. The same
function can be mapped by a distributed engine (see docs/performance.md).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence

from accords.cache import ExtractCache
from accords.extract import extract
from accords.extract.nlp import RULES, Annotation, annotate_docs, annotators
from accords.model import DocFacts, Document

MAX_DEFAULT_JOBS = 8
# Below this many documents to extract, a process pool costs more than it saves: starting
# spawn workers takes about 1.5 s, extraction about 6 ms a document (docs/performance.md).
MIN_PARALLEL = 500


def default_jobs() -> int:
    """The CPUs this process may use, capped at :data:`MAX_DEFAULT_JOBS`."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_DEFAULT_JOBS))


def extract_all(docs: Sequence[Document], *, jobs: int = 1, cache: ExtractCache | None = None) -> list[DocFacts]:
    """The facts of every document, in document order; cached results reused."""
    found: list[DocFacts | None] = [cache.get(d) if cache is not None else None for d in docs]
    todo = [d for d, f in zip(docs, found, strict=True) if f is None]
    fresh = iter(extract_many(todo, jobs))
    out: list[DocFacts] = []
    for doc, facts in zip(docs, found, strict=True):
        if facts is None:
            facts = next(fresh)
            if cache is not None:
                cache.put(doc, facts)
        out.append(facts)
    return out


def extract_many(docs: Sequence[Document], jobs: int) -> list[DocFacts]:
    """:func:`extract` over ``docs`` in ``jobs`` processes (1: in this process)."""
    anns = _model_annotations(docs)
    if jobs <= 1 or len(docs) < MIN_PARALLEL:
        return [extract(d, a) for d, a in zip(docs, anns, strict=True)]
    jobs = min(jobs, len(docs))
    chunk = max(1, min(64, len(docs) // (jobs * 4)))
    # spawn: workers start clean (no inherited threads or open files), on every platform
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        return pool.starmap(extract, zip(docs, anns, strict=True), chunksize=chunk)


def _model_annotations(docs: Sequence[Document]) -> list[Annotation | None]:
    """Stanza's annotations, made here in batches (one pipeline per language, not per
    worker); ``None`` for documents the rules annotate, which :func:`extract` does
    itself in the worker (cheaper than sending the annotation there)."""
    chosen = annotators([d.language for d in docs])
    heavy = [i for i, d in enumerate(docs) if chosen[d.language] is not RULES]
    out: list[Annotation | None] = [None] * len(docs)
    for i, ann in zip(heavy, annotate_docs([docs[i] for i in heavy]), strict=True):
        out[i] = ann
    return out
