"""Rotation schedules for working meetings: every group visits every table exactly once.

A schedule assigns a time slot to each (group, table) pair so that no group is at two tables
in one slot and no table hosts two groups in one slot: an edge colouring of the complete
bipartite graph groups × tables with the slots as colours. Without pinned choices a cyclic
shift always works when there are at least max(groups, tables) slots (König's theorem); pinned
choices turn it into a precolouring-extension problem, solved here by backtracking with the
most-constrained pair first. Pure Python, no Django, so the property tests exercise it directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ImpossibleSchedule(ValueError):
    """No rotation satisfies the sizes and pinned choices; the message says why."""


@dataclass(frozen=True)
class Pin:
    """A fixed choice: `group` sits at `table` in `slot` (all zero-based indices)."""

    group: int
    table: int
    slot: int


@dataclass
class Rotation:
    """A solved rotation: `slot_of[(group, table)]` is the slot in which that group visits that table."""

    groups: int
    tables: int
    slots: int
    slot_of: dict[tuple[int, int], int] = field(default_factory=dict)

    def table_at(self, group, slot):
        """Return the table the group sits at in the slot, or None when the group has a break."""
        for table in range(self.tables):
            if self.slot_of.get((group, table)) == slot:
                return table
        return None

    def group_at(self, table, slot):
        """Return the group at the table in the slot, or None when the table is free."""
        for group in range(self.groups):
            if self.slot_of.get((group, table)) == slot:
                return group
        return None


def validation_errors(rotation: Rotation, pins=()):
    """Return a list of what is wrong with a rotation (empty when it is valid)."""
    errors = []
    for group in range(rotation.groups):
        for table in range(rotation.tables):
            slot = rotation.slot_of.get((group, table))
            if slot is None:
                errors.append(f"group {group + 1} never visits table {table + 1}")
            elif not 0 <= slot < rotation.slots:
                errors.append(f"group {group + 1} visits table {table + 1} in a slot that does not exist")
    seen_group_slot, seen_table_slot = {}, {}
    for (group, table), slot in rotation.slot_of.items():
        if (group, slot) in seen_group_slot:
            errors.append(f"group {group + 1} is at two tables in slot {slot + 1}")
        seen_group_slot[(group, slot)] = table
        if (table, slot) in seen_table_slot:
            errors.append(f"table {table + 1} hosts two groups in slot {slot + 1}")
        seen_table_slot[(table, slot)] = group
    for pin in pins:
        if rotation.slot_of.get((pin.group, pin.table)) != pin.slot:
            errors.append(
                f"pinned choice not honoured: group {pin.group + 1} at table {pin.table + 1} in slot {pin.slot + 1}"
            )
    return errors


def _check_sizes_and_pins(groups, tables, slots, pins):
    """Raise ImpossibleSchedule for sizes or pins that no rotation can satisfy."""
    if groups < 1 or tables < 1:
        raise ImpossibleSchedule("A rotation needs at least one group and one table.")
    if slots < tables:
        raise ImpossibleSchedule(f"Each group must visit {tables} tables but there are only {slots} time slots.")
    if slots < groups:
        raise ImpossibleSchedule(f"Each table must host {groups} groups but there are only {slots} time slots.")
    by_pair, by_group_slot, by_table_slot = {}, {}, {}
    for pin in pins:
        if not (0 <= pin.group < groups and 0 <= pin.table < tables and 0 <= pin.slot < slots):
            raise ImpossibleSchedule("A pinned choice names a group, table or slot that does not exist.")
        for index, key, what in (
            (by_pair, (pin.group, pin.table), f"group {pin.group + 1} is pinned to table {pin.table + 1} twice"),
            (
                by_group_slot,
                (pin.group, pin.slot),
                f"group {pin.group + 1} is pinned to two tables in slot {pin.slot + 1}",
            ),
            (
                by_table_slot,
                (pin.table, pin.slot),
                f"table {pin.table + 1} is pinned to two groups in slot {pin.slot + 1}",
            ),
        ):
            if key in index and index[key] != pin:
                raise ImpossibleSchedule(f"Pinned choices contradict each other: {what}.")
            index[key] = pin


def cyclic_rotation(groups, tables, slots):
    """Return the classic shifted grid: group g visits table t in slot (g + t) mod slots."""
    rotation = Rotation(groups, tables, slots)
    for group in range(groups):
        for table in range(tables):
            rotation.slot_of[(group, table)] = (group + table) % slots
    return rotation


def generate_rotation(groups: int, tables: int, slots: int, pins=(), max_steps: int = 200_000) -> Rotation:
    """Return a rotation honouring the pinned choices, or raise ImpossibleSchedule saying why."""
    pins = tuple(pins)
    _check_sizes_and_pins(groups, tables, slots, pins)
    if not pins:
        return cyclic_rotation(groups, tables, slots)
    # Try the cyclic grid shifted so that the first pin holds; cheap and usually enough.
    first = pins[0]
    shift = (first.slot - first.group - first.table) % slots
    candidate = Rotation(groups, tables, slots)
    candidate.slot_of = {(g, t): (g + t + shift) % slots for g in range(groups) for t in range(tables)}
    if not validation_errors(candidate, pins):
        return candidate
    return _backtrack(groups, tables, slots, pins, max_steps)


def _backtrack(groups, tables, slots, pins, max_steps):
    """Search assignments pair by pair, most constrained first, with forward checking."""
    slot_of = {(pin.group, pin.table): pin.slot for pin in pins}
    group_used = {g: set() for g in range(groups)}
    table_used = {t: set() for t in range(tables)}
    for (group, table), slot in slot_of.items():
        group_used[group].add(slot)
        table_used[table].add(slot)
    open_pairs = [(g, t) for g in range(groups) for t in range(tables) if (g, t) not in slot_of]
    all_slots = range(slots)
    steps = 0

    def options(pair):
        group, table = pair
        return [s for s in all_slots if s not in group_used[group] and s not in table_used[table]]

    def solve():
        nonlocal steps
        if not open_pairs:
            return True
        steps += 1
        if steps > max_steps:
            raise ImpossibleSchedule("No rotation was found within the search limit; loosen the pinned choices.")
        best_index, best_options = None, None
        for index, pair in enumerate(open_pairs):
            pair_options = options(pair)
            if best_options is None or len(pair_options) < len(best_options):
                best_index, best_options = index, pair_options
                if not pair_options:
                    return False
        pair = open_pairs.pop(best_index)
        group, table = pair
        for slot in best_options:
            slot_of[pair] = slot
            group_used[group].add(slot)
            table_used[table].add(slot)
            if solve():
                return True
            del slot_of[pair]
            group_used[group].discard(slot)
            table_used[table].discard(slot)
        open_pairs.insert(best_index, pair)
        return False

    if not solve():
        raise ImpossibleSchedule("The pinned choices leave no way for every group to visit every table once.")
    return Rotation(groups, tables, slots, dict(slot_of))
