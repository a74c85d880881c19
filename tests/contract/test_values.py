"""The contract's value lists are defined once, and everything else follows them.

* ``agency-api.yaml`` carries them as generated components (``tools/update_contract.py``),
  and no struct in it spells one of them out by hand.
* Every wire field of a value-list type uses that enum (so msgspec checks the same values).
* The agency's staff commands offer exactly their values.
"""

from __future__ import annotations

import argparse
import ast
import enum
import inspect
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import msgspec
import yaml

from talentdesk_agency.cli import build_parser
from talentdesk_contract import values, wire

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "talentdesk_contract" / "agency-api.yaml"
WIRE_ENUMS = {
    name: obj
    for name in values.__all__
    if inspect.isclass(obj := getattr(values, name)) and issubclass(obj, enum.StrEnum)
}
ON_THE_WIRE = {name: kind for name, kind in WIRE_ENUMS.items() if name != "OperationKind"}


def test_the_generated_block_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_contract.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_every_value_list_is_a_component_with_its_values() -> None:
    schemas = yaml.safe_load(SPEC_PATH.read_text("utf-8"))["components"]["schemas"]
    for name, kind in ON_THE_WIRE.items():
        assert schemas[name]["enum"] == [member.value for member in kind], name


def _inline_enums(node: Any, path: str = "") -> list[tuple[str, list[Any]]]:
    """Every ``enum`` in the document but the generated value-list components."""
    found: list[tuple[str, list[Any]]] = []
    if isinstance(node, dict):
        generated = path.removeprefix("/components/schemas/") in ON_THE_WIRE
        if "enum" in node and not generated:
            found.append((path, node["enum"]))
        for key, value in node.items():
            found.extend(_inline_enums(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_inline_enums(value, f"{path}/{index}"))
    return found


def test_no_struct_spells_out_a_value_list_by_hand() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text("utf-8"))
    lists = {frozenset(member.value for member in kind): name for name, kind in WIRE_ENUMS.items()}
    inline = _inline_enums(spec)
    assert inline, "the walk found no inline enum at all (single-value ones exist)"
    for where, listed in inline:
        values_here = frozenset(v for v in listed if v is not None)
        assert values_here not in lists, f"{where} repeats {lists[values_here]}: use its $ref"


def _enum_in(hint: Any) -> type[enum.StrEnum] | None:
    if inspect.isclass(hint) and issubclass(hint, enum.StrEnum):
        return hint
    for arg in get_args(hint):
        found = _enum_in(arg)
        if found is not None:
            return found
    return None


def test_wire_fields_of_a_value_list_use_its_enum() -> None:
    """A field whose values equal a value list must be typed with that enum, not a Literal."""
    lists = {frozenset(member.value for member in kind): kind for kind in WIRE_ENUMS.values()}
    checked = 0
    for name in wire.__all__:
        struct = getattr(wire, name)
        if not (inspect.isclass(struct) and issubclass(struct, msgspec.Struct)):
            continue
        for field, hint in get_type_hints(struct, include_extras=True).items():
            literal = [
                a
                for a in _flatten(hint)
                if get_origin(a) is not None and str(get_origin(a)) == "typing.Literal"
            ]
            for lit in literal:
                assert frozenset(get_args(lit)) not in lists, f"{name}.{field} is a Literal copy"
            if _enum_in(hint) is not None:
                checked += 1
    assert checked >= 10


def _flatten(hint: Any) -> list[Any]:
    out = [hint]
    for arg in get_args(hint):
        out.extend(_flatten(arg))
    return out


def _choices(parser: argparse.ArgumentParser, command: str, option: str) -> list[Any]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[
        command
    ]
    action = next(a for a in sub._actions if option in a.option_strings)
    return list(action.choices or ())


def test_staff_commands_offer_the_value_lists() -> None:
    parser = build_parser()
    assert _choices(parser, "ticket", "--status") == list(values.ReportStatus)
    assert _choices(parser, "ticket", "--level") == list(values.TicketLevel)
    done = parser.parse_args(["ticket", "TD-000001", "--level", "technical", "--db", "x.db"])
    assert done.level is values.TicketLevel.TECHNICAL


_PROBLEM_PREFIX = "urn:talentdesk:problem:"


def _described_problems() -> dict[str, int | None]:
    """The problem types the contract's ``Problem`` description lists, with the status each
    is sent with (None where it says none)."""
    spec = yaml.safe_load(SPEC_PATH.read_text("utf-8"))
    text = spec["components"]["schemas"]["Problem"]["description"]
    bullets = re.split(r"\n\* ", text)[1:]
    described: dict[str, int | None] = {}
    for bullet in bullets:
        # What comes before the explanation: "`a` (400), `b` / `c` (410):" or "`d`:".
        lead = re.match(r"(.*?[`)]):", " ".join(bullet.split()))
        assert lead is not None, bullet
        waiting: list[str] = []
        for name, status in re.findall(r"`([a-z0-9-]+)`|\((\d{3})\)", lead.group(1)):
            if name:
                assert name not in described, f"{name} is described twice"
                waiting.append(name)
            else:
                described.update(dict.fromkeys(waiting, int(status)))
                waiting = []
        described.update(dict.fromkeys(waiting))
    return described


def _statuses_the_server_sends() -> set[tuple[str, int]]:
    """Every ``ApiError(<status>, ProblemType.<X>, ...)`` in the agency server's code."""
    sent = set()
    for path in (ROOT / "talentdesk_agency").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "ApiError"
                and len(node.args) >= 2
                and isinstance(status := node.args[0], ast.Constant)
                and isinstance(status.value, int)
                and isinstance(kind := node.args[1], ast.Attribute)
            ):
                sent.add((kind.attr, status.value))
    return sent


def test_every_problem_type_is_described_in_the_contract() -> None:
    described = _described_problems()
    names = {kind.removeprefix(_PROBLEM_PREFIX) for kind in values.ProblemType}
    assert all(kind.startswith(_PROBLEM_PREFIX) for kind in values.ProblemType)
    assert set(described) == names, (
        f"undescribed: {sorted(names - set(described))}; "
        f"no such type: {sorted(set(described) - names)}"
    )
    # The status the description gives is the one the server sends.
    sent = _statuses_the_server_sends()
    assert len(sent) >= 15, sent  # the scan found the server's problems
    for attr, status in sent:
        name = values.ProblemType[attr].removeprefix(_PROBLEM_PREFIX)
        assert described[name] == status, f"{name}: described {described[name]}, sent {status}"
