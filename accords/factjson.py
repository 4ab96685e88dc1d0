"""Extraction results ↔ plain JSON values: a stable, typed round trip (no pickle).

What a document's extraction adds to the loaded :class:`Document` (its publication
date, basis and citation) and its meetings, agreements and notes are written field
by field, as the dataclasses in :mod:`accords.model` declare them. Reading checks
every value against the declared type and raises :class:`FormatError` on anything
else, so a damaged or outdated entry is never half-read.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any

from accords.model import AgreementFact, Citation, DocFacts, Document, MeetingFact, PartialDate

Json = Any  # None | bool | int | str | list[Json] | dict[str, Json]


class FormatError(ValueError):
    """A stored value does not have the shape the model declares."""


def encode(value: object) -> Json:
    """A model value as JSON-ready data (frozensets sorted, tuples as lists)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(encode(v) for v in value)
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode(tp: Any, data: Json) -> Any:
    """``data`` read back as type ``tp`` (a model dataclass or a typed container)."""
    return _decoder(tp)(data)


Decoder = Callable[[Json], Any]


@cache
def _decoder(tp: Any) -> Decoder:
    """A function that reads values of type ``tp`` (built once per type: reading is hot)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1 or len(args) != 2:
            raise TypeError(f"unsupported union {tp}")
        one = _decoder(inner[0])
        return lambda data: None if data is None else one(data)
    if origin in (tuple, list, frozenset):
        item = _decoder(args[0])
        return lambda data: origin(item(v) for v in _list(data))
    if origin is dict:
        key, value = _decoder(args[0]), _decoder(args[1])
        return lambda data: {key(k): value(v) for k, v in _dict(data).items()}
    if isinstance(tp, type) and is_dataclass(tp):
        return _dataclass_decoder(tp)
    if tp in (str, int, bool):
        return lambda data: data if type(data) is tp else _wrong(tp, data)
    raise TypeError(f"unsupported type {tp}")


_PLAIN = (str, int, bool)


def _dataclass_decoder(cls: type) -> Decoder:
    """A reader for one dataclass, generated as straight-line code (as :mod:`dataclasses`
    generates ``__init__``): a plain field's type is checked inline, any other field's value
    goes to its own decoder; the instance is made as pickle makes it, without ``__init__``,
    where ``__init__`` would only assign the fields."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in fields(cls)]
    expected = set(names)
    inner: list[Decoder] = []  # filled below: a field may be of this very class
    direct = (not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
              and all(f.init for f in fields(cls)))
    lines = ["def read(data):",
             "    if type(data) is not dict or data.keys() != expected:",
             "        raise FormatError(f'{cls.__name__}: expected an object with fields {sorted(expected)}')"]
    plain: dict[str, Any] = {}
    for i, n in enumerate(names):
        tp = hints[n]
        optional = typing.get_origin(tp) in (types.UnionType, typing.Union) and type(None) in typing.get_args(tp)
        base = next((a for a in typing.get_args(tp) if a is not type(None)), None) if optional else tp
        lines.append(f"    v{i} = data[{n!r}]")
        if base in _PLAIN and (not optional or len(typing.get_args(tp)) == 2):
            plain[f"t{i}"] = base
            test = f"type(v{i}) is not t{i}" + (f" and v{i} is not None" if optional else "")
            lines.append(f"    if {test}: wrong(t{i}, v{i})")
        else:
            lines.append(f"    v{i} = inner[{i}](v{i})")
    values = ", ".join(f"{n!r}: v{i}" for i, n in enumerate(names))
    if direct:
        lines += ["    obj = new(cls)", f"    obj.__dict__.update({{{values}}})", "    return obj"]
    else:
        lines.append(f"    return cls(**{{{values}}})")
    namespace: dict[str, Any] = {"expected": expected, "cls": cls, "FormatError": FormatError, "wrong": _wrong,
                                 "inner": inner, "new": object.__new__, **plain}
    exec("\n".join(lines), namespace)  # noqa: S102 -- code made here from the model's field names
    inner.extend(_decoder(hints[n]) for n in names)
    read: Decoder = namespace["read"]
    return read


def _wrong(tp: Any, data: Json) -> Any:
    raise FormatError(f"expected {tp}, got {type(data).__name__}")


def _list(data: Json) -> list[Json]:
    if type(data) is not list:
        raise FormatError(f"expected a list, got {type(data).__name__}")
    return data


def _dict(data: Json) -> dict[str, Json]:
    if type(data) is not dict:
        raise FormatError(f"expected an object, got {type(data).__name__}")
    return data


def facts_to_json(facts: DocFacts) -> dict[str, Json]:
    """What extraction found in one document (the document itself is not stored)."""
    doc = facts.document
    return {
        "published": encode(doc.published),
        "published_basis": doc.published_basis,
        "published_cite": encode(doc.published_cite),
        "meetings": encode(facts.meetings),
        "agreements": encode(facts.agreements),
        "notes": encode(facts.notes),
    }


def facts_from_json(doc: Document, data: Json) -> DocFacts:
    """The :class:`DocFacts` of the loaded ``doc`` from :func:`facts_to_json` data."""
    if not isinstance(data, dict):
        raise FormatError("facts: expected an object")
    expected = {"published", "published_basis", "published_cite", "meetings", "agreements", "notes"}
    if set(data) != expected:
        raise FormatError(f"facts: keys {sorted(data)}")
    document = replace(
        doc,
        published=decode(PartialDate | None, data["published"]),
        published_basis=decode(str | None, data["published_basis"]),
        published_cite=decode(Citation | None, data["published_cite"]),
    )
    return DocFacts(
        document,
        decode(list[MeetingFact], data["meetings"]),
        decode(list[AgreementFact], data["agreements"]),
        decode(list[str], data["notes"]),
    )


def storable(doc: Document, facts: DocFacts) -> bool:
    """True when ``facts`` differ from ``doc`` only in what :func:`facts_to_json` keeps."""
    d = facts.document
    return replace(doc, published=d.published, published_basis=d.published_basis,
                   published_cite=d.published_cite) == d
