"""The widget's built-in countries and numbers are the directory's (tooling/widget_facts.py)."""
from vigie.directory import emergency_anywhere, emergency_numbers, general_helpline, widget_countries
from tooling.widget_facts import WIDGET, rewritten


def test_the_widget_block_is_up_to_date():
    source = WIDGET.read_text(encoding="utf-8")
    assert "// directory:start" in source and "// directory:end" in source
    assert rewritten(source) == source, "run `make generate` after changing directory/helplines.yml"


def test_emergency_number_comes_first_and_helplines_are_round_the_clock_when_possible():
    assert emergency_numbers("FR") == ["17", "112"]
    assert emergency_numbers("QC") == ["911"]
    assert general_helpline("FR") == "119"  # 3018 closes at night
    assert general_helpline("LU") == "116 111"  # the youth line KJT; BEE SECURE is for online safety
    assert set(widget_countries()) == {"BE", "FR", "CH", "QC", "LU"}


def test_the_emergency_number_for_an_unknown_country_names_the_exceptions():
    assert emergency_anywhere() == "112 (911 au Québec / Canada)"
