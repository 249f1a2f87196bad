"""Tests of graphkit.segment.attendance."""

from __future__ import annotations

import pytest

from graphkit.segment.attendance import apologies_in_text, parse_attendance


# -- attendance lines ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Present: Councillor Mrs H. Adeyemi (Leader of the Council) (Chair)\n",
            [("Councillor Mrs H. Adeyemi", "present", "Leader of the Council", True)],
        ),
        (
            "IN ATTENDANCE: Mrs L. Harding (Parish Clerk) and 3 members of the public\n",
            [("Mrs L. Harding", "present", "Parish Clerk", False)],
        ),
        (
            "Also present: Councillors B. Ellery, N. Ford and V. Ramsay\n",
            [
                ("B. Ellery", "present", None, False),
                ("N. Ford", "present", None, False),
                ("V. Ramsay", "present", None, False),
            ],
        ),
        (
            "Officers present:\nChief Executive – Andrew Pollard\nDemocratic Services Officer\n",
            [("Andrew Pollard", "present", "Chief Executive", False)],
        ),
        (
            "PRESENT\nCouncillor Kiran Bhatt (Chair) - Cabinet Member for Adult Services\n"
            "Mr Callum Reid - Healthwatch Overbridge\n",
            [
                ("Councillor Kiran Bhatt", "present", "Cabinet Member for Adult Services", True),
                ("Mr Callum Reid", "present", "Healthwatch Overbridge", False),
            ],
        ),
        (
            "Present:\nCouncillor Farah Siddiqui (substituting for Councillor Graham Tate)\n"
            "Substitutes: Councillor Keith Brannigan for Councillor Joan Elphick\n",
            [
                (
                    "Councillor Farah Siddiqui",
                    "substitute",
                    "substituting for Councillor Graham Tate",
                    False,
                ),
                (
                    "Councillor Keith Brannigan",
                    "substitute",
                    "substitute for Councillor Joan Elphick",
                    False,
                ),
            ],
        ),
        (
            "Present: Councillor Ann Vale, Councillor Tom Rudd in place of Councillor Lee Ward\n",
            [
                ("Councillor Ann Vale", "present", None, False),
                ("Councillor Tom Rudd", "substitute", "substitute for Councillor Lee Ward", False),
            ],
        ),
        (
            "Attendance:\nName                      Role\nCllr Imogen Shah          Chair\n"
            "Mark Ellison              Head of Looked After Children\nMembers of the public: 3\n",
            [
                ("Cllr Imogen Shah", "present", "Chair", True),
                ("Mark Ellison", "present", "Head of Looked After Children", False),
            ],
        ),
        (
            "PRESENT: The Mayor (Councillor Mrs A Smith) in the Chair; Councillors B Jones and C Lee\n",
            [
                ("Councillor Mrs A Smith", "present", "Mayor", True),
                ("B Jones", "present", None, False),
                ("C Lee", "present", None, False),
            ],
        ),
        (
            "Officers: Chief Executive (Andrew Pollard), Monitoring Officer (Jane Smith)\n",
            [
                ("Andrew Pollard", "present", "Chief Executive", False),
                ("Jane Smith", "present", "Monitoring Officer", False),
            ],
        ),
        (
            "| Name | Role |\n|---|---|\n| Councillor Nadia Hussain | Chair |\n",
            [("Councillor Nadia Hussain", "present", "Chair", True)],
        ),
        # "Name, post, project": the project's capitals are no person's initials
        (
            "In attendance:\nMs L Okoro, Project Manager, SEN Renewal Project\n"
            "J Bell, Project Manager\n",
            [
                ("Ms L Okoro", "present", "Project Manager", False),
                ("J Bell", "present", "Project Manager", False),
            ],
        ),
    ],
)
def test_attendance_line_forms(block: str, expected: list) -> None:
    from graphkit.segment.attendance import Heading

    got = parse_attendance(block, 0, len(block), default=Heading("Present", "present", "member"))
    assert [(a.name, a.status, a.role, a.chair) for a in got] == expected
    for a in got:
        assert block[a.start : a.end] == a.name


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (  # a dash inside a role, and a councillor in attendance
            "Also in attendance: Councillor S. Lomax (Portfolio Holder – Communities)\n"
            "Officers: Assistant Director – Leisure (Carl Hibbert); Mrs J. Nuttall (Committee "
            "Clerk)\n",
            [
                ("Councillor S. Lomax", "other-member", "Portfolio Holder – Communities"),
                ("Carl Hibbert", "officer", "Assistant Director – Leisure"),
                ("Mrs J. Nuttall", "officer", "Committee Clerk"),
            ],
        ),
        (  # an officer under a bare "Present:"
            "Present:\nCllr A Rowe\nMark Ellison, Head of Looked After Children\n",
            [
                ("Cllr A Rowe", "member", None),
                ("Mark Ellison", "officer", "Head of Looked After Children"),
            ],
        ),
        (  # officers after "Also present:", posts after a dash (Welsh and district minutes)
            "Also present: Mr. I. Pryce - Director of Education; Mrs. S. Rhys - Head of "
            "Inclusion; Councillor P. Rees (Cabinet Member for Schools)\n",
            [
                ("Mr. I. Pryce", "officer", "Director of Education"),
                ("Mrs. S. Rhys", "officer", "Head of Inclusion"),
                ("Councillor P. Rees", "cabinet-member", "Cabinet Member for Schools"),
            ],
        ),
    ],
)
def test_capacity_from_the_heading_and_the_post(
    block: str, expected: list[tuple[str, str, str | None]]
) -> None:
    got = parse_attendance(block, 0, len(block))
    assert [(a.name, a.capacity, a.role) for a in got] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Apologies were received from Cllr. A. Barrow and Cllr. S. Khan. Next.",
            ["Cllr. A. Barrow", "Cllr. S. Khan"],
        ),
        (
            "Apologies for absence were received from Councillors Tate and Elphick.",
            ["Tate", "Elphick"],
        ),
        ("Councillor H. Beck sent apologies.", ["Councillor H. Beck"]),
        ("Apologies received from Cllr. A. Barrow.", ["Cllr. A. Barrow"]),
        ("Councillors R Obi and T Wu had sent their apologies.", ["R Obi", "T Wu"]),
        # as Scottish minutes write it
        (
            "Apologies for absence were intimated on behalf of Mr B Allan and Mrs G Munro.",
            ["Mr B Allan", "Mrs G Munro"],
        ),
        # not names alone before "sent apologies"; apologies for lateness are not absence
        ("The Chair said that Councillor X Young sent apologies.", []),
        ("Councillor A Lee sent apologies for lateness.", []),
        ("Apologies for lateness were received from Councillor A Lee.", []),
    ],
)
def test_apologies_in_sentences(text: str, names: list[str]) -> None:
    got = apologies_in_text(text, text, 0, len(text))
    assert [a.name for a in got] == names
    assert all(a.status == "apologies" for a in got)
