"""Which filters a ranking kept ready answers (graph/ranks.py), and which cells a count row adds to. That the rows
equal the rankings counted over every edge, kept in place or rebuilt, is tests/test_counts.py's, on both engines."""

from __future__ import annotations

from policygraph.graph.ranks import KEEP, Board, RankCell, cell_for, cells_of, province_of, tally


def test_a_filter_without_a_basis_or_a_year_range_has_a_cell() -> None:
    assert cell_for("agency", None, None, None, None, [], False) == RankCell("agency", "", "", 0, False)
    assert cell_for("function", "county", "甘肃省", 2021, 2021, [], True) == RankCell(
        "function", "甘肃省", "county", 2021, True
    )
    assert RankCell("agency", "", "", 0, True).key == "agency|||0|+"


def test_a_basis_a_year_range_or_a_region_below_a_province_has_none() -> None:
    assert cell_for("agency", None, None, None, None, ["sole"], False) is None
    assert cell_for("agency", None, None, 2019, 2021, [], False) is None
    assert cell_for("agency", None, None, 2019, None, [], False) is None
    assert cell_for("agency", None, "甘肃省临夏回族自治州", None, None, [], False) is None


def test_a_count_row_adds_to_its_province_level_and_year_and_to_no_filter() -> None:
    row = {"key": "a", "name": "甲", "collective": False, "level": "county", "region": "甘肃省临夏回族自治州临夏市",
           "year": 2021, "count": 3}  # fmt: skip
    cells = set(cells_of("agency", row))
    assert (
        len(cells) == 16
    )  # (everywhere, 甘肃省) × (any level, county) × (any year, 2021) × (with, without collectives)
    assert RankCell("agency", "甘肃省", "county", 2021, False) in cells
    collective = {**row, "collective": True}
    assert {cell.collectives for cell in cells_of("agency", collective)} == {True}
    bare = {**row, "level": None, "region": None, "year": None}
    assert set(cells_of("agency", bare)) == {RankCell("agency", "", "", 0, True), RankCell("agency", "", "", 0, False)}


def test_rows_of_one_entry_add_up_in_each_cell() -> None:
    rows = [{"key": "a", "name": "甲", "collective": False, "level": "county", "region": region, "year": year,
             "count": 2} for region, year in (("甘肃省兰州市", 2020), ("甘肃省兰州市", 2021), ("西藏自治区拉萨市", 2021))]  # fmt: skip
    counted = tally("agency", rows)
    assert counted[RankCell("agency", "", "", 0, False)] == {"a": ("甲", 6)}
    assert counted[RankCell("agency", "甘肃省", "", 0, False)] == {"a": ("甲", 4)}
    assert counted[RankCell("agency", "", "county", 2021, True)] == {"a": ("甲", 4)}
    assert province_of("内蒙古自治区呼和浩特市") == "内蒙古自治区" and province_of(None) == ""


def board_of(total: int, counts: dict[str, int]) -> Board:
    return Board(total, {key: (key, count) for key, count in counts.items()}).read()


def test_a_list_cut_short_stays_the_head_of_its_ranking() -> None:
    board = board_of(10, {"a": 9, "b": 7, "c": 5})  # 7 more entries, each with 5 tasks at most, come after c
    board.change("b", ("b", 7), ("b", 6))  # still before c: keeps its place
    board.change("a", ("a", 9), ("a", 4))  # past c: an entry not listed may now come first, so a leaves the list
    board.change("x", ("x", 5), ("x", 8))  # not listed, now before c: comes in
    board.change("y", ("y", 2), ("y", 3))  # not listed, still past c: stays out
    board.trim()
    assert board.ranked() == [("x", "x", 8), ("b", "b", 6), ("c", "c", 5)] and board.total == 10


def test_a_complete_list_takes_every_change_and_counts_entries_that_come_and_go() -> None:
    board = board_of(2, {"a": 3, "b": 1})
    board.change("b", ("b", 1), None)
    board.change("z", None, ("z", 2))
    assert board.ranked() == [("a", "a", 3), ("z", "z", 2)] and board.total == 2 and board.complete


def test_a_list_that_lost_half_its_entries_is_recounted() -> None:
    board = board_of(KEEP + 10, {f"k{i:03}": 1000 - i for i in range(KEEP)})
    for i in range(KEEP // 2 + 1):
        board.change(f"k{i:03}", (f"k{i:03}", 1000 - i), (f"k{i:03}", 1))
    assert not board.deep_enough and board.total == KEEP + 10
