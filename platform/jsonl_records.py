"""Read JSON-lines import files: one object per line, validated, ids unique within the file.

Shared by the expert and challenge imports, which read the same schema family
(`../shared/eval/README.md`) and must report every bad line with its number and reason.
"""

import json

JSON_TYPE_NAMES = {str: "text", list: "list", int: "integer", bool: "true/false"}


def json_type_ok(value, expected):
    """Return True when value has the expected JSON type (a bool is not an integer here)."""
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def read_json_lines(lines, validate, id_field="id"):
    """Yield (line number, record or None, problems) for each non-blank line.

    `validate(record)` returns a list of problems; a record whose id already appeared earlier
    in the file is refused too, naming the first line.
    """
    seen = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, [f"invalid JSON: {exc.msg} (column {exc.colno})"]
            continue
        problems = validate(record)
        if not problems:
            if record[id_field] in seen:
                problems = [f"duplicate id {record[id_field]!r} (first on line {seen[record[id_field]]})"]
            else:
                seen[record[id_field]] = number
        yield number, (record if not problems else None), problems
