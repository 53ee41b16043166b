"""Read JSON-lines import files: one object per line, validated, ids unique within the file.

Shared by the expert and challenge imports, which read the same schema family
(`../shared/eval/README.md`) and must report every bad line with its number and reason.

Before a record reaches an importer's own validation it is checked for what no database column
can hold: NUL characters and lone surrogates in texts, integers outside PostgreSQL's `integer`,
non-finite numbers, nesting deeper than MAX_DEPTH and lines longer than MAX_LINE_CHARS. Each such
problem is reported as `line N: …` like any other.
"""

import json

JSON_TYPE_NAMES = {str: "text", list: "list", int: "integer", bool: "true/false"}

MAX_LINE_CHARS = 1_000_000  # one record; a whole CV fits many times over
MAX_DEPTH = 20  # the schema needs 2 (an object holding lists of texts)
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # PostgreSQL `integer`, the type of every integer column we fill


def json_type_ok(value, expected):
    """Return True when value has the expected JSON type (a bool is not an integer here)."""
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def text_problem(value):
    """Return why a text cannot be stored (NUL, lone surrogate), or an empty string when it can."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an invalid character (a lone surrogate)"
    return ""


def _nesting_depth(line):
    """Return the deepest bracket nesting of a JSON text, ignoring brackets inside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for char in line:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _refuse_constant(name):
    raise ValueError(f"{name} is not allowed")


def value_problems(value, path="record"):
    """Return the problems of a decoded JSON value that no column can hold (iterative, depth-bounded)."""
    problems = []
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            reason = text_problem(item)
            if reason:
                problems.append(f"{where} {reason}")
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not INT_MIN <= item <= INT_MAX:
                problems.append(f"{where} is an integer out of range ({INT_MIN} to {INT_MAX})")
        elif isinstance(item, dict):
            for key, child in item.items():
                reason = text_problem(key)
                if reason:
                    problems.append(f"a field name {reason}")
                    continue
                stack.append((child, f"'{key}'" if where == "record" else f"{where}.{key}"))
        elif isinstance(item, list):
            stack.extend((child, f"{where}[{index}]") for index, child in enumerate(item))
    return problems


def decode_line(line):
    """Return (record, problems) for one line of text; record is None when the line is refused."""
    if len(line) > MAX_LINE_CHARS:
        return None, [f"line is longer than {MAX_LINE_CHARS} characters"]
    if _nesting_depth(line) > MAX_DEPTH:
        return None, [f"nested deeper than {MAX_DEPTH} levels"]
    try:
        record = json.loads(line, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        return None, [f"invalid JSON: {exc.msg} (column {exc.colno})"]
    except (ValueError, RecursionError) as exc:
        return None, [f"invalid JSON: {exc}"]
    problems = value_problems(record)
    return (None if problems else record), problems


def read_json_lines(lines, validate, id_field="id"):
    """Yield (line number, record or None, problems) for each non-blank line.

    `validate(record)` returns a list of problems; a record whose id already appeared earlier
    in the file is refused too, naming the first line.
    """
    seen = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record, problems = decode_line(line)
        if record is None:
            yield number, None, problems
            continue
        problems = validate(record)
        if not problems:
            if record[id_field] in seen:
                problems = [f"duplicate id {record[id_field]!r} (first on line {seen[record[id_field]]})"]
            else:
                seen[record[id_field]] = number
        yield number, (record if not problems else None), problems
