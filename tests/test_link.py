"""graphkit.link: people merged with reasons, aliases, programmes as concepts, roles over time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from stage_helpers import offsets_of

from graphkit.errors import ConfigError, GraphkitError
from graphkit.find import extract
from graphkit.link import Linked, link, load_aliases, programme_key
from graphkit.model import Document, Mention
from graphkit.segment import segment

D = dt.date


def link_forms(
    forms: list[str],
    label: str = "PERSON",
    *,
    aliases: Path | None = None,
    council: str = "Ashcombe City Council",
) -> Linked:
    text = " ; ".join(forms)
    doc = Document("a.txt", text, "0", "minutes")
    mentions = [Mention(label, f, s, e, "a.txt") for f, s, e in offsets_of(text, forms)]
    return link([doc], [], mentions, aliases=aliases, council=council)


def groups(linked: Linked, kind: str = "person") -> list[set[str]]:
    by_key: dict[str, set[str]] = {}
    for mention, k, key in linked.resolved:
        if k == kind:
            by_key.setdefault(key, set()).add(mention.text)
    return sorted(by_key.values(), key=lambda s: sorted(s))


# -- people -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["A Byrne", "Alice Byrne"], [{"A Byrne", "Alice Byrne"}]),
        (["A Byrne", "B Byrne"], [{"A Byrne"}, {"B Byrne"}]),
        (["Councillor Byrne", "A Byrne"], [{"A Byrne", "Councillor Byrne"}]),
        (
            ["Cllr Byrne", "Councillor A Byrne", "Councillor Byrne"],
            [{"Cllr Byrne", "Councillor A Byrne", "Councillor Byrne"}],
        ),
        (["Mrs K Okoro", "Kemi Okoro"], [{"Kemi Okoro", "Mrs K Okoro"}]),
        (["C Marchetti", "CE Marchetti"], [{"C Marchetti", "CE Marchetti"}]),
        (["CE Marchetti", "CD Marchetti"], [{"CD Marchetti"}, {"CE Marchetti"}]),
        (["Mr K Okoro", "Mrs K Okoro"], [{"Mr K Okoro"}, {"Mrs K Okoro"}]),  # titles conflict
        (["Alice Byrne", "Anna Byrne"], [{"Alice Byrne"}, {"Anna Byrne"}]),
        (["Tom O'Neill", "T. O’Neill"], [{"T. O’Neill", "Tom O'Neill"}]),  # either apostrophe
        (["Anne-Marie Clarke", "A-M Clarke"], [{"A-M Clarke", "Anne-Marie Clarke"}]),
        (["Peter Quinlan", "Pete Quinlan"], [{"Pete Quinlan", "Peter Quinlan"}]),
        (["Eilidh MacLeod", "Eilidh Mac Leod"], [{"Eilidh Mac Leod", "Eilidh MacLeod"}]),
    ],
)
def test_people_merge_only_when_names_agree(forms: list[str], expected: list[set[str]]) -> None:
    linked = link_forms(forms)
    assert groups(linked) == expected
    assert len(linked.people) == len(expected)
    assert len({p.key for p in linked.people}) == len(linked.people)


def test_a_name_is_compared_only_with_people_of_its_first_initial(monkeypatch) -> None:
    """Many people of one surname: each name is compared with the people whose initials
    begin with its own letter (or who have none), not with all of them, which made
    linking quadratic (4,000 people of one surname: 6.7 s)."""
    from graphkit.link import people

    calls = []
    fits = people._Cluster.fits

    def counted(self, p):  # type: ignore[no-untyped-def]
        calls.append(p)
        return fits(self, p)

    monkeypatch.setattr(people._Cluster, "fits", counted)
    letters = "ABCDEFGHJKLMNPRSTW"
    forms = [f"{a}{b}ola Byrne" for a in letters for b in "aeiou"]  # 90 people, 5 a letter
    forms += ["A Byrne", "Councillor Byrne"]  # fits the five A's; fits every one
    linked = link_forms(forms)
    assert len(linked.people) == 92  # both ambiguous: kept apart
    # each forename is compared with the earlier people of its letter (0 + 1 + ... + 4
    # a letter), "A Byrne" with the five A's, "Councillor Byrne" with everyone
    assert len(calls) == len(letters) * 10 + 5 + 91


def test_a_merge_is_explained_and_the_fullest_name_wins() -> None:
    linked = link_forms(["A Byrne", "Alice Byrne", "Councillor Byrne"])
    (person,) = linked.people
    assert person.pref_label == "Alice Byrne"
    assert set(person.alt_labels) == {"A Byrne", "Councillor Byrne"}
    assert person.family_name == "Byrne" and person.given_name == "Alice"
    assert person.honorifics == ("Councillor",)
    why = " ".join(person.explanation)
    assert "'A Byrne'" in why and "'Alice Byrne'" in why
    assert "a.txt" in why  # says where each form was seen
    assert any(person.key in m for m in linked.merges)


@pytest.mark.parametrize(
    ("forms", "apart", "separate"),
    [
        # a bare surname that fits two people
        (["A Byrne", "B Byrne", "Councillor Byrne"], "Councillor Byrne", 3),
        (["Alice Byrne", "Anna Byrne", "Councillor Byrne"], "Councillor Byrne", 3),
        # an initial that fits two full names
        (["Alice Byrne", "Anna Byrne", "A Byrne"], "A Byrne", 3),
    ],
)
def test_ambiguous_forms_are_kept_apart_and_reported(
    forms: list[str], apart: str, separate: int
) -> None:
    linked = link_forms(forms)
    assert len(linked.people) == separate
    assert {apart} in groups(linked)
    assert any(f"'{apart}'" in a for a in linked.ambiguities), linked.ambiguities


# -- aliases file -------------------------------------------------------------------------
def _aliases(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "aliases.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_aliases_file_forbids_a_merge(tmp_path: Path) -> None:
    path = _aliases(tmp_path, "different:\n  - [A Byrne, Alice Byrne]\n")
    linked = link_forms(["A Byrne", "Alice Byrne"], aliases=path)
    assert groups(linked) == [{"A Byrne"}, {"Alice Byrne"}]


def test_aliases_file_settles_an_ambiguity(tmp_path: Path) -> None:
    path = _aliases(tmp_path, "same:\n  - [Councillor Byrne, A Byrne]\n")
    linked = link_forms(["A Byrne", "B Byrne", "Councillor Byrne"], aliases=path)
    assert groups(linked) == [{"A Byrne", "Councillor Byrne"}, {"B Byrne"}]
    person = next(p for p in linked.people if "Councillor Byrne" in p.alt_labels)
    assert any("aliases file" in why for why in person.explanation)


def test_aliases_file_forces_a_merge_across_a_change_of_name(tmp_path: Path) -> None:
    path = _aliases(tmp_path, "same:\n  - [Mrs T Ferreira, Teresa Lindqvist]\n")
    linked = link_forms(["Mrs T Ferreira", "Teresa Lindqvist"], aliases=path)
    assert groups(linked) == [{"Mrs T Ferreira", "Teresa Lindqvist"}]
    (person,) = linked.people
    # the canonical label is a name that was seen, not a mix of two
    assert person.pref_label in {"T Ferreira", "Teresa Lindqvist"}, person.pref_label


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        ("same: [A Byrne, Alice Byrne]\n", "'same' must be a list of lists"),
        ("- A Byrne\n- Alice Byrne\n", "keys 'same' and/or 'different'"),
        ("same:\n  - [Only One]\n", "two or more names"),
        ("sme:\n  - [A Byrne, Alice Byrne]\n", "keys 'same' and/or 'different'"),
        ("different:\n  - [A Byrne, 3]\n", "'different' must be a list of lists"),
        ("same: [[\n", "cannot read the aliases file"),
    ],
)
def test_bad_aliases_file_raises_config_error(tmp_path: Path, content: str, hint: str) -> None:
    path = _aliases(tmp_path, content)
    with pytest.raises(ConfigError) as info:
        load_aliases(path)
    assert isinstance(info.value, GraphkitError)
    message = str(info.value)
    assert str(path) in message and hint in message
    with pytest.raises(ConfigError):
        link_forms(["A Byrne"], aliases=path)


def test_missing_aliases_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the aliases file"):
        load_aliases(tmp_path / "nope.yml")


def test_no_aliases_file_is_empty() -> None:
    empty = load_aliases(None)
    assert empty.same == () and empty.different == ()


# -- programmes ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "variants",
    [
        ["Bluebell Mentoring Programme (BMP)", "BMP"],  # acronym
        ["Riverside Youth Strategy", "Riverside Youth Strategies"],  # plural
        ["Acorn Skills Academy", "Acorn Skills Academy's"],  # possessive
        ["Greenway Cycling Scheme", "Ashcombe Greenway Cycling Scheme"],  # the council's place name
        ["Bluebell Mentoring", "Bluebell Mentoring Programme"],  # "Programme" suffix
        [
            "Bluebell Mentoring Programme",
            "Bluebell Mentering Programme",
        ],  # a one-word spelling slip
        ["Riverside Youth Strategy", "riverside youth strategy"],  # case
        # the same words in another order
        ["Meals and Play Holiday Programme", "Holiday Meals and Play Programme"],
        # a defined acronym beside words of its own name
        ["Healthy Meals for Kids (HMK)", "HMK and Meals Programme"],
        [
            "Healthy Meals for Kids (HMK)",
            "HMK",
            "Healthy Meals for Kids Programme",
            "HMK programme",
        ],
        [
            "Bluebell Mentoring Programme (BMP)",
            "BMP",
            "Bluebell Mentoring Programmes",
            "Bluebell Mentoring Programme's",
            "Ashcombe Bluebell Mentoring Programme",
            "Bluebell Mentoring",
            "Bluebell Mentering Programme",
            "bluebell mentoring programme",
        ],
    ],
)
def test_programme_variants_are_one_concept(variants: list[str]) -> None:
    linked = link_forms(variants, "PROGRAMME")
    assert len(linked.concepts) == 1, [c.pref_label for c in linked.concepts]
    (concept,) = linked.concepts
    assert concept.is_programme
    assert not concept.pref_label.isupper()  # an acronym is never the canonical name
    assert {concept.pref_label, *concept.alt_labels} == set(variants)


def test_a_curated_acronym_beside_words_of_its_name_is_that_programme() -> None:
    # the curated list spells HAF; "HAF and Food" repeats one of its words
    linked = link_forms(["HAF and Food Programme", "Holiday Activities and Food"], "PROGRAMME")
    assert len(linked.concepts) == 1, [c.pref_label for c in linked.concepts]


def test_a_spelling_slip_merge_is_reported() -> None:
    linked = link_forms(
        ["Bluebell Mentoring Programme", "Bluebell Mentering Programme"], "PROGRAMME"
    )
    assert any("spelling" in m for m in linked.merges)


@pytest.mark.parametrize(
    "names",
    [
        ["Acorn Skills Academy", "Oak Skills Academy"],
        ["Greenway Cycling Scheme", "Greenway Walking Scheme"],
        ["Year 7 Reading Plan", "Year 8 Reading Plan"],
        ["Northside Play Scheme", "Southside Play Scheme"],
        ["Eastfield Reading Project", "Westfield Reading Project"],
        ["Healthy Meals for Kids (HMK)", "HMK Summer Programme"],
    ],
)
def test_different_programmes_stay_apart(names: list[str]) -> None:
    linked = link_forms(names, "PROGRAMME")
    assert sorted(c.pref_label for c in linked.concepts) == sorted(names)


@pytest.mark.parametrize(
    ("a", "b", "place"),
    [
        ("Ashcombe Bluebell Mentoring Programme", "Bluebell Mentoring", "ashcombe"),
        ("Riverside Youth Strategies", "the Riverside Youth Strategy", ""),
        ("Children & Families Plan", "Children and Family's Plan", ""),
    ],
)
def test_programme_key(a: str, b: str, place: str) -> None:
    assert programme_key(a, place) == programme_key(b, place)


# -- organisations ------------------------------------------------------------------------
def test_organisation_variants() -> None:
    linked = link_forms(
        [
            "Millbrook Primary School",
            "the Millbrook Primary School",
            "Department for Education",
            "DfE",
        ],
        "ORG",
    )
    assert groups(linked, "org") == [
        {"DfE", "Department for Education"},
        {"Millbrook Primary School", "the Millbrook Primary School"},
    ]


# -- roles over time ----------------------------------------------------------------------
def _minutes(date: str, *, chair: str, cabinet_line: str, officer_line: str) -> str:
    return (
        f"Minutes of the Meeting of the Parks Committee held at 6.00 pm on {date}\n\n"
        "Present:\n\n"
        f"Members: {chair} (Chair)\nCouncillor B Corrigan\n\n"
        f"{cabinet_line}\n\n"
        f"Employees:\n\n{officer_line}\n\n"
        "Public Business\n\n1. Apologies\n\nNone.\n\n2. Tree Strategy\n\nNoted.\n"
    )


ROLE_DOCS = [
    (
        "feb.txt",
        _minutes(
            "Monday, 10 February 2031",
            chair="Councillor A Byrne",
            cabinet_line="Cabinet Member: Councillor D Ellery Cabinet Member for Parks and Leisure",
            officer_line="G Pryce, Director of Public Realm",
        ),
    ),
    (
        "jul.txt",
        _minutes(
            "Monday, 7th July, 2031",
            chair="Councillor A Byrne",
            cabinet_line=(
                "Other Members: Councillor D Ellery (Cabinet Member for Parks and Leisure)"
            ),
            officer_line="G Pryce, Director of Public Realm",
        ),
    ),
    (
        "sep.txt",
        _minutes(
            "Monday, 8 September 2031",
            chair="Councillor B Corrigan",
            cabinet_line="Other Members: Councillor D Ellery",
            officer_line="H Sato, Finance",
        ),
    ),
]


@pytest.fixture(scope="module")
def roles() -> Linked:
    docs = [Document(name, text, "0", "minutes") for name, text in ROLE_DOCS]
    meetings = [r for d in docs for r in segment(d)]
    assert [r.date for r in meetings] == [D(2031, 2, 10), D(2031, 7, 7), D(2031, 9, 8)]
    return link(docs, meetings, extract(docs, meetings), council="Ashcombe City Council")


@pytest.mark.parametrize(
    ("person", "role", "organisation", "start", "end", "sources"),
    [
        ("a-byrne", "Chair", "committee", D(2031, 2, 10), D(2031, 7, 7), ("feb.txt", "jul.txt")),
        ("b-corrigan", "Chair", "committee", D(2031, 9, 8), D(2031, 9, 8), ("sep.txt",)),
        (
            "b-corrigan",
            "Member",
            "committee",
            D(2031, 2, 10),
            D(2031, 9, 8),
            ("feb.txt", "jul.txt", "sep.txt"),
        ),
        (
            "d-ellery",
            "Cabinet Member for Parks and Leisure",
            "council",
            D(2031, 2, 10),
            D(2031, 7, 7),
            ("feb.txt", "jul.txt"),
        ),
        (
            "g-pryce",
            "Director of Public Realm",
            "council",
            D(2031, 2, 10),
            D(2031, 7, 7),
            ("feb.txt", "jul.txt"),
        ),
    ],
)
def test_roles_over_time(roles: Linked, person, role, organisation, start, end, sources) -> None:
    found = [m for m in roles.memberships if (m.person, m.role) == (person, role)]
    assert len(found) == 1, [(m.person, m.role) for m in roles.memberships]
    m = found[0]
    assert (m.organisation, m.start, m.end, m.sources) == (organisation, start, end, sources)
    assert m.committee == ("Parks Committee" if organisation == "committee" else None)


def test_every_attendance_record_is_resolved_to_a_person(roles: Linked) -> None:
    docs = [Document(name, text, "0", "minutes") for name, text in ROLE_DOCS]
    keys = {p.key for p in roles.people}
    for d in docs:
        for rec in segment(d):
            for a in rec.attendance:
                assert roles.attendees[(d.source, a.start)] in keys
    # "Councillor D Ellery" across three documents is one person
    assert sum(1 for p in roles.people if p.family_name == "Ellery") == 1


# -- plans answering one dated event --------------------------------------------------------
_NOTE = """Briefing note

To: Parks and Children Scrutiny Board

12 June 2034

Subject: Youth Justice Peer Review Outcome

1 The peer review

1.1 The peer review of youth justice services was undertaken on 3 and 4 March 2034 by
three reviewers. Four areas were identified for further work.

2 Peer Review Improvement Action Plan

2.1 An Action Plan was developed in response to the review. Progress is reported monthly.
"""
_APPENDIX = """Ashcombe Youth Justice Recovery Plan

The Youth Justice Recovery Plan is a short plan to address the findings following the
Youth Justice Peer Review held on 3-4 March 2034. Actions are reviewed each quarter.
"""


def _plans(*texts: tuple[str, str]) -> Linked:
    docs = [Document(name, text, "0", "briefing_note") for name, text in texts]
    meetings = [r for d in docs for r in segment(d)]
    return link(docs, meetings, extract(docs, meetings), council="Ashcombe City Council")


def _concept_with(linked: Linked, name: str):
    return next(c for c in linked.concepts if name in (c.pref_label, *c.alt_labels))


def test_plans_written_in_response_to_one_dated_event_are_one_plan() -> None:
    linked = _plans(("note.txt", _NOTE), ("appendix.txt", _APPENDIX))
    plan = _concept_with(linked, "Youth Justice Recovery Plan")
    assert {"Peer Review Improvement Action Plan", "Ashcombe Youth Justice Recovery Plan"} <= {
        plan.pref_label,
        *plan.alt_labels,
    }
    # the generic "Action Plan" is a variant, never the plan's name; the name written most
    # often is ("Ashcombe Youth Justice Recovery Plan" and "Youth Justice Recovery Plan")
    assert "Action Plan" in plan.alt_labels
    assert plan.pref_label.endswith("Youth Justice Recovery Plan")
    assert any("answering the review of 2034-03-04" in m for m in linked.merges)


def test_plans_answering_different_events_stay_apart() -> None:
    later = _APPENDIX.replace("3-4 March 2034", "3-4 March 2035")
    linked = _plans(("note.txt", _NOTE), ("appendix.txt", later))
    assert _concept_with(linked, "Youth Justice Recovery Plan") != _concept_with(
        linked, "Peer Review Improvement Action Plan"
    )


def test_an_event_answered_by_two_named_plans_merges_nothing_and_is_reported() -> None:
    text = (
        "Minutes of the Meeting of the Parks and Children Scrutiny Board held at 10.00 am on "
        "8 July 2034\n\nPublic Business\n\n1. Inspection Outcome\n\n"
        "The inspection was carried out on 12 May 2034. The Fostering Sufficiency Plan was "
        "developed in response to the inspection. The Workforce Recruitment Plan was also "
        "drawn up following the inspection. An action plan was written following the "
        "inspection.\n"
    )
    linked = _plans(("minutes.txt", text))
    assert _concept_with(linked, "Fostering Sufficiency Plan") != _concept_with(
        linked, "Workforce Recruitment Plan"
    )
    assert any("response to the inspection of 2034-05-12" in a for a in linked.ambiguities)


def test_an_undated_event_anchors_nothing() -> None:
    undated = _NOTE.replace(" was undertaken on 3 and 4 March 2034", "")
    linked = _plans(("note.txt", undated), ("appendix.txt", _APPENDIX))
    assert _concept_with(linked, "Youth Justice Recovery Plan") != _concept_with(
        linked, "Peer Review Improvement Action Plan"
    )
