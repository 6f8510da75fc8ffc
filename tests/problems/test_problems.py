"""Problems and the unusable-input error: a code and figures, worded by the catalogue only."""

import pytest

from referent_ess.problems.codes import CODES, Kind, UnknownCode, kind_of
from referent_ess.problems.errors import ConfigError, ReferentError
from referent_ess.problems.problem import Problem, Severity, problem_maker

BAD_LOT = (("found", "'premier'"),)


def test_a_problem_s_message_is_the_english_template_filled_in() -> None:
    problem = Problem(
        "bad-lot", params=BAD_LOT, file="o.xlsx", sheet="offers", cell="B3", row=3, field="lot"
    )
    assert problem.message == "found 'premier', expected a lot number such as 3 or Lot 3"
    assert problem.describe() == (
        "o.xlsx: offers!B3: found 'premier', expected a lot number such as 3 or Lot 3 [bad-lot]"
    )


def test_a_problem_names_its_column_by_the_header_typed_in_its_sheet_never_by_its_id() -> None:
    problem = Problem(
        "bad-lot", params=BAD_LOT, file="o.xlsx", sheet="offers", cell="B3", row=3, field="lot"
    )
    headings = {("offers", "lot"): "N° lot", ("notes", "lot"): "Lot noté"}
    assert problem.shown_field(headings) == "N° lot"
    assert problem.describe(headings=headings).startswith("o.xlsx: offers!B3: N° lot: found ")
    assert problem.line_in("fr", headings).startswith("o.xlsx : offers!B3 : N° lot : ")
    # a header of another sheet is not this cell's; without one, the cell alone says where
    assert problem.shown_field({("notes", "lot"): "Lot noté"}) == ""


def test_a_configuration_problem_keeps_its_key_path_as_written_in_the_yaml_file() -> None:
    problem = Problem("bad-lot", params=BAD_LOT, file="lots.yaml", row=12, field="lots.2.id")
    assert problem.shown_field() == "lots.2.id"
    assert problem.describe().startswith("lots.yaml:12: lots.2.id: found ")


def test_a_problem_s_severity_is_its_code_s_unless_given() -> None:
    assert Problem("bad-lot", params=BAD_LOT).severity is Severity.ERROR
    assert Problem("hidden-row").severity is Severity.WARNING
    assert Problem("missing-value", params=(("form", "no-date"),)).severity is Severity.WARNING
    assert Problem("hidden-row", severity=Severity.ERROR).severity is Severity.ERROR


def test_the_json_of_a_problem_keeps_its_english_message_and_never_its_parameters() -> None:
    problem = Problem("no-offers", file="o.xlsx", sheet="offers")
    assert list(problem.to_dict().items()) == [
        ("code", "no-offers"),
        ("message", "the sheet has no offer rows below its header"),
        ("severity", "warning"),
        ("file", "o.xlsx"),
        ("sheet", "offers"),
        ("cell", None),
        ("row", None),
        ("field", None),
    ]


def test_a_yaml_problem_is_placed_by_its_line() -> None:
    problem = Problem("missing-key", params=(("key", "title"),), file="lots.yaml", row=2)
    assert problem.location == "lots.yaml:2"
    assert problem.describe() == "lots.yaml:2: required key is missing [missing-key]"


def test_a_code_the_registry_does_not_list_is_a_bug() -> None:
    with pytest.raises(UnknownCode):
        Problem("no-such-code")
    with pytest.raises(UnknownCode):
        Problem("bad-number", params=(("form", "no-such-form"), ("found", "x")))
    with pytest.raises(UnknownCode):
        ReferentError("no-such-code")


def test_the_registry_gives_each_code_what_it_reports() -> None:
    assert kind_of("nul-bytes", ()) is Kind.UNUSABLE
    assert kind_of("missing-value", (("form", "no-date"),)) is Kind.WARNING
    assert kind_of("award-note", (("form", "tie"),)) is Kind.NOTE
    assert CODES["bad-lot"] is Kind.ERROR


def test_an_unusable_input_error_is_one_english_line_with_its_code() -> None:
    error = ReferentError("nul-bytes", params=(("path", "a.csv"),))
    assert error.message == "a.csv: contains NUL bytes: not a text CSV file"
    assert error.lines == ("a.csv: contains NUL bytes: not a text CSV file [nul-bytes]",)
    assert str(error) == "a.csv: contains NUL bytes: not a text CSV file [nul-bytes]"


def test_a_line_break_in_a_figure_never_splits_the_line() -> None:
    error = ReferentError("nul-bytes", params=(("path", "a\nb.csv"),))
    assert error.lines == ("a b.csv: contains NUL bytes: not a text CSV file [nul-bytes]",)


def test_an_error_made_of_problems_has_one_line_per_problem() -> None:
    problems = [
        Problem("missing-key", params=(("key", "title"),), file="lots.yaml", row=2),
        Problem("missing-cap", params=(("lot", "1"),), file="lots.yaml", row=5, field="lots.0"),
    ]
    for error in (ReferentError.from_problems(problems), ConfigError(problems)):
        assert error.code is None
        assert error.problems == tuple(problems)
        assert error.lines == (
            "lots.yaml:2: required key is missing [missing-key]",
            "lots.yaml:5: lots.0: give cap_ht, cap_ttc or both [missing-cap]",
        )


def test_an_english_text_can_no_longer_be_given_beside_the_code() -> None:
    """English is written once, in the catalogue: the constructors take no text at all."""
    with pytest.raises(TypeError):
        ReferentError("ignored text", "nul-bytes", params=(("path", "a.csv"),))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Problem("hidden-row", "ignored text", Severity.ERROR)  # type: ignore[call-arg]
    error = ReferentError("nul-bytes", params=(("path", "a.csv"),))
    assert error.lines == ("a.csv: contains NUL bytes: not a text CSV file [nul-bytes]",)


def test_a_problem_made_by_a_maker_is_the_one_problem_builds() -> None:
    make = problem_maker("abnormally-low", file="offers.xlsx", sheet="offres", field="days")
    params = (("explanation_part", "abnormal.ffb"), ("price_money", "1.00"))
    built = make(params, "E7", 7)
    expected = Problem(
        "abnormally-low",
        params=params,
        file="offers.xlsx",
        sheet="offres",
        cell="E7",
        row=7,
        field="days",
    )
    assert type(built) is Problem
    assert built == expected
    assert built.severity is Severity.WARNING  # abnormally-low is a warning in the registry
    assert hash(built) == hash(expected)
    # a code of another kind gets the error severity; no cell, no row, no sheet
    error = problem_maker("late", file=None, sheet=None, field=None)((), None, None)
    assert error.severity is Severity.ERROR
    assert error == Problem("late")


def test_a_maker_refuses_a_code_that_needs_a_form() -> None:
    # bad-rate is only listed with its forms (bad-rate.range, ...): its kind is not known
    with pytest.raises(UnknownCode):
        problem_maker("bad-rate", file=None, sheet=None, field="vat_rate")
