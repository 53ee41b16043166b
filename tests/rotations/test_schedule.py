"""The rotation generator: every valid input gives a valid schedule or a clear "impossible"."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rotations.schedule import ImpossibleSchedule, Pin, Rotation, generate_rotation, validation_errors


def seed_grid():
    """Return the Birštonas policy lab's grid: group g sits at table (g + slot) mod 5."""
    rotation = Rotation(5, 5, 5)
    for group in range(5):
        for slot in range(5):
            rotation.slot_of[(group, (group + slot) % 5)] = slot
    return rotation


def test_seed_grid_is_a_valid_answer_and_is_reproduced_when_pinned():
    seed = seed_grid()
    assert validation_errors(seed) == []
    pins = [Pin(g, t, s) for (g, t), s in seed.slot_of.items()]
    assert generate_rotation(5, 5, 5, pins).slot_of == seed.slot_of


def test_partial_seed_pins_are_honoured():
    seed = seed_grid()
    pins = [Pin(g, t, s) for (g, t), s in seed.slot_of.items() if g in (0, 3)]
    rotation = generate_rotation(5, 5, 5, pins)
    assert validation_errors(rotation, pins) == []


@pytest.mark.parametrize(
    ("groups", "tables", "slots", "reason"),
    [(5, 5, 4, "only 4 time slots"), (6, 3, 5, "host 6 groups"), (0, 3, 3, "at least one group")],
)
def test_sizes_that_cannot_work_are_refused_with_a_reason(groups, tables, slots, reason):
    with pytest.raises(ImpossibleSchedule, match=reason):
        generate_rotation(groups, tables, slots)


def test_contradicting_pins_are_refused():
    with pytest.raises(ImpossibleSchedule, match="two tables in slot 1"):
        generate_rotation(3, 3, 3, [Pin(0, 0, 0), Pin(0, 1, 0)])


def test_pins_that_are_each_fine_but_jointly_impossible_are_reported():
    # 2 × 2 × 2: group 1 at table 1 in slot 1 forces group 1 to table 2 in slot 2, where group 2 is pinned.
    with pytest.raises(ImpossibleSchedule, match="no way"):
        generate_rotation(2, 2, 2, [Pin(0, 0, 0), Pin(1, 1, 1)])


def brute_force_exists(groups, tables, slots, pins):
    """Return True if any assignment satisfies the rules (tiny sizes only)."""
    pairs = [(g, t) for g in range(groups) for t in range(tables)]
    for choice in itertools.product(range(slots), repeat=len(pairs)):
        rotation = Rotation(groups, tables, slots, dict(zip(pairs, choice, strict=True)))
        if not validation_errors(rotation, pins):
            return True
    return False


sizes = st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(0, 6))


@settings(max_examples=150, deadline=None)
@given(data=st.data(), size=sizes)
def test_any_input_gives_a_valid_rotation_or_a_clear_impossible(data, size):
    groups, tables, slots = size
    pins = data.draw(
        st.lists(
            st.builds(Pin, st.integers(0, groups - 1), st.integers(0, tables - 1), st.integers(0, max(slots - 1, 0))),
            max_size=6,
            unique=True,
        )
    )
    try:
        rotation = generate_rotation(groups, tables, slots, pins)
    except ImpossibleSchedule as error:
        assert str(error)
        if groups * tables <= 6 and slots <= 3:
            assert not brute_force_exists(groups, tables, slots, pins)
    else:
        assert validation_errors(rotation, pins) == []


@settings(max_examples=60, deadline=None)
@given(data=st.data(), n=st.integers(2, 7))
def test_pins_drawn_from_a_valid_rotation_always_succeed(data, n):
    permutation = data.draw(st.permutations(range(n)))
    reference = {(g, t): (permutation[g] + t) % n for g in range(n) for t in range(n)}
    chosen = data.draw(st.lists(st.sampled_from(sorted(reference)), unique=True, max_size=n * 2))
    pins = [Pin(g, t, reference[(g, t)]) for g, t in chosen]
    assert validation_errors(generate_rotation(n, n, n, pins), pins) == []
