"""A seeded generator of synthetic council meeting records, for benchmarks and tests.

    python benchmarks/generate.py --docs 1000 --out /tmp/corpus --seed 1
    python benchmarks/generate.py --big big-attendance --out /tmp/big

Writes ``--docs N`` documents of several kinds, as councils publish them:

- ModernGov "Agenda and minutes" pages as page text (a ``URL:`` line, then what the
  page shows: committee and date, venue, numbered items with their minutes);
- printed minutes in Markdown, numbered (``### **12. Title**``) and unnumbered
  (bold headings), with the attendance as lists ("Present:", "Councillor",
  "Cllr", "Mrs", initials, co-opted members, officers with their posts, apologies)
  or as a table;
- agendas (time and date, place, numbered business, membership);
- work programmes (a table of meeting dates, topics and leads);

across several invented councils, committees and years. The text speaks of
programmes (with their acronyms), organisations, officers and their posts, actions
and requests, with typographic quotes and the odd typo. Every name and sentence is
invented here; none is taken from a real record.

``.manifest.json`` beside the documents (hidden, so a build skips it) holds what was generated (each document's
council, committee, date, items and attendees), so a test can check a build
against the generator's own truth. The same ``--seed`` always writes the same bytes.

``--big NAME`` writes one large document instead:

- ``big-attendance``: a ModernGov attendance page of about 880 KB (one table row a person);
- ``nested-tables``: an HTML page of about 660 KB of tables nested in tables;
- ``huge-minutes``: printed minutes of about 4.9 MB (under the default 5,000,000-character limit) (hundreds of meetings' worth of items).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

__all__ = ["BIG", "Truth", "generate", "generate_big"]

# -- invented vocabulary -------------------------------------------------------------------
COUNCILS = (
    ("Northbrook City Council", "democracy.northbrook.gov.uk", "Civic Centre, Northbrook"),
    ("Eastmere County Council", "moderngov.eastmere.gov.uk", "County Hall, Eastmere"),
    ("Kingsford Borough Council", "councillors.kingsford.gov.uk", "Town Hall, Kingsford"),
    ("Westhaven District Council", "democracy.westhaven.gov.uk", "Council Offices, Westhaven"),
    ("Ashdown Metropolitan Borough Council", "edemocracy.ashdown.gov.uk", "Ashdown House"),
)
COMMITTEES = (
    "Cabinet",
    "Audit and Governance Committee",
    "Health and Wellbeing Board",
    "Children and Young People Scrutiny Board",
    "Planning Committee",
    "Licensing and Regulatory Committee",
    "Adult Social Care Scrutiny Committee",
    "Economy and Skills Scrutiny Panel",
    "Environment and Transport Committee",
    "Corporate Parenting Panel",
)
FORENAMES = (
    "Alice", "Brian", "Catherine", "David", "Eleanor", "Farid", "Grace", "Harold",
    "Imran", "Joanna", "Kevin", "Linda", "Martin", "Nadia", "Owen", "Priya", "Rachel",
    "Simon", "Tariq", "Ursula", "Victor", "Wendy", "Yusuf", "Zoe", "Graham", "Helen",
    "Neil", "Pauline", "Raj", "Sandra",
)  # fmt: skip
SURNAMES = (
    "Ashcombe", "Brindlewood", "Carrowby", "Dunmere", "Elsworth", "Fenwright",
    "Garside", "Hollinshed", "Ilverton", "Jessop", "Kettleby", "Lanyard", "Marchbank",
    "Netherwood", "Oakridge", "Pendleford", "Quarrie", "Rushworth", "Stannard",
    "Thornaby", "Upfield", "Varley", "Whitcombe", "Yardley", "Abernethy", "Bellhouse",
    "Cotterill", "Drinkwater", "Eastwood", "Fairbairn", "Gosling", "Hartigan",
    "Ingleby", "Kershaw", "Lockwood", "Merriman", "Nuttall", "Ormerod", "Pilling",
    "Ramsbottom", "Sowerby", "Tattersall", "Whitworth", "Birtwistle", "Crabtree",
)  # fmt: skip
POSTS = (
    "Director of Children's Services",
    "Director of Adult Social Care",
    "Head of Finance",
    "Chief Internal Auditor",
    "Governance Services Officer",
    "Head of Planning",
    "Director of Public Health",
    "Strategic Lead for Education",
    "Head of Legal Services",
    "Scrutiny Co-ordinator",
)
PROGRAMMES = (
    ("Warm Homes Partnership", "WHP"),
    ("Supporting Families Programme", "SFP"),
    ("Holiday Activities and Food Programme", "HAF"),
    ("Local Cycling and Walking Infrastructure Plan", "LCWIP"),
    ("Better Care Fund", "BCF"),
    ("Youth Employment Pathway", "YEP"),
    ("Community Safety Partnership Plan", "CSPP"),
    ("Early Help Strategy", "EHS"),
    ("Special Educational Needs Transformation Programme", "SENTP"),
    ("Town Centre Renewal Fund", "TCRF"),
)
ORGANISATIONS = (
    "Northbrook Community Trust",
    "Eastmere Clinical Commissioning Group",
    "the Riverside Housing Association",
    "Kingsford College",
    "the Westhaven Food Bank",
    "the Local Government Association",
    "the Regional Fire and Rescue Service",
    "Ashdown Citizens Advice",
)
TOPICS = (
    "Budget Monitoring Report {y}/{y2}",
    "Annual Report of the {prog}",
    "Update on the {prog}",
    "Performance of the {prog}",
    "Internal Audit Progress Report",
    "Risk Management Update",
    "School Place Planning {y}",
    "Housing Allocations Policy Review",
    "Air Quality Action Plan",
    "Libraries Strategy Consultation",
    "Domestic Abuse Strategy",
    "Corporate Complaints Annual Report",
    "Fostering Service Annual Report",
    "Outstanding Issues",
    "Treasury Management Mid-Year Review",
)
VENUES = ("Committee Room 1", "Committee Room 3", "the Council Chamber", "Meeting Room A")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TYPOS = (("received", "recieved"), ("committee", "commitee"), ("separate", "seperate"))

KINDS = ("moderngov", "minutes-numbered", "minutes-unnumbered", "agenda", "work-programme")
MANIFEST = ".manifest.json"
BIG = ("big-attendance", "nested-tables", "huge-minutes")


@dataclass
class Truth:
    """What one generated document says: the test's answer key."""

    file: str
    kind: str
    council: str
    committee: str
    date: str  # ISO
    items: list[str] = field(default_factory=list)  # item titles, in order
    numbers: list[str] = field(default_factory=list)  # item numbers as written ("" if none)
    attendees: list[list[str]] = field(default_factory=list)  # [name, status, capacity]
    rows: list[str] = field(default_factory=list)  # a work programme's row titles
    words: int = 0


# -- small helpers -------------------------------------------------------------------------
def ordinal(n: int) -> str:
    """``1`` → ``"1st"``.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def clock(hour: int, minute: int) -> str:
    """``(14, 0)`` → ``"2.00 pm"``."""
    return f"{(hour - 1) % 12 + 1}.{minute:02d} {'am' if hour < 12 else 'pm'}"


class Writer:
    """One document's text and the sentences it draws on, from one random stream."""

    def __init__(self, rng: random.Random, council: int) -> None:
        self.rng = rng
        self.council, self.host, self.hall = COUNCILS[council]
        # each council has its own councillors and officers, drawn once
        crng = random.Random(council * 7919 + 17)
        self.members = _people(crng, 24)
        self.officers = [(p, POSTS[i % len(POSTS)]) for i, p in enumerate(_people(crng, 10))]

    def pick(self, seq: tuple[str, ...] | list[str]) -> str:
        return seq[self.rng.randrange(len(seq))]

    def typo(self, text: str) -> str:
        if self.rng.random() < 0.15:
            right, wrong = TYPOS[self.rng.randrange(len(TYPOS))]
            return text.replace(right, wrong, 1)
        return text

    def title(self, year: int) -> str:
        prog = PROGRAMMES[self.rng.randrange(len(PROGRAMMES))][0]
        return self.pick(TOPICS).format(y=year, y2=str(year + 1)[2:], prog=prog)

    def paragraph(self, committee: str) -> str:
        """A few sentences of minutes: a report, a discussion, a request, a resolution."""
        r = self.rng
        name, acronym = PROGRAMMES[r.randrange(len(PROGRAMMES))]
        officer, post = self.officers[r.randrange(len(self.officers))]
        member = self.members[r.randrange(len(self.members))]
        org = self.pick(ORGANISATIONS)
        sentences = [
            f"The {committee} considered a report of the {post} which set out progress "
            f"on the {name} ({acronym}) since the last meeting.",
            f"{officer}, {post}, explained that the {acronym} had reached "
            f"{r.randrange(120, 4000):,} households and that work with {org} was continuing.",
            f"Members asked about the \u2018{self.pick(('waiting list', 'referral route', 'funding gap', 'pilot scheme'))}\u2019 "
            f"and Councillor {member.split()[-1]} sought assurance that rural areas were not overlooked.",
            f"The Chair requested that the {post} circulate a briefing note on the {acronym} "
            f"to all Members before the next meeting.",
            f"It was noted that \u201cthe figures for quarter {r.randrange(1, 5)} remain provisional\u201d.",
        ]
        r.shuffle(sentences)
        body = " ".join(sentences[: r.randrange(2, 6)])
        resolved = (
            f"RESOLVED that the {committee} notes the report and asks officers to report "
            f"back on the {name} in {self.pick(MONTHS)} {r.randrange(2019, 2026)}."
        )
        return self.typo(body) + "\n\n" + resolved


def _people(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct invented people, "Forename Surname"."""
    seen: dict[str, str] = {}
    while len(seen) < n:
        surname = SURNAMES[rng.randrange(len(SURNAMES))]
        if surname not in seen:
            seen[surname] = f"{FORENAMES[rng.randrange(len(FORENAMES))]} {surname}"
    return list(seen.values())


def initial(name: str) -> str:
    """``"Alice Ashcombe"`` → ``"A Ashcombe"``."""
    first, last = name.split(" ", 1)
    return f"{first[0]} {last}"


def long_date(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {ordinal(day.day)} {MONTHS[day.month - 1]}, {day.year}"


def plain_date(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


# -- the document kinds ----------------------------------------------------------------------
def _meeting(w: Writer, n: int) -> tuple[str, dt.date, list[str], list[str]]:
    """A committee, a date, ``n`` item titles and the attendees of one meeting."""
    r = w.rng
    committee = w.pick(COMMITTEES)
    day = dt.date(r.randrange(2014, 2026), r.randrange(1, 13), r.randrange(1, 29))
    opening = ["Apologies for Absence", "Declarations of Interest", "Minutes"]
    titles = opening + [w.title(day.year) for _ in range(n)]
    titles = list(dict.fromkeys(titles))  # one item a title
    present = r.sample(w.members, r.randrange(5, 12))
    return committee, day, titles, present


def moderngov_page(w: Writer, file: str) -> tuple[str, Truth]:
    r = w.rng
    committee, day, titles, present = _meeting(w, r.randrange(2, 7))
    first = r.randrange(1, 60)
    officer = w.officers[r.randrange(len(w.officers))][0]
    mid = r.randrange(1000, 99999)
    out = [
        f"URL: https://{w.host}/ieListDocuments.aspx?CId={r.randrange(100, 999)}&MId={mid}&Ver=4",
        "",
        "Agenda and minutes",
        "",
        f"{committee} - {long_date(day)} {clock(r.choice((10, 14, 18)), r.choice((0, 30)))}",
        "",
        f"Venue: {w.pick(VENUES)}, {w.hall}",
        "",
        f"Contact: {officer}, Governance Services",
        "",
        "Items",
        "No. Item",
        "",
    ]
    numbers: list[str] = []
    who: list[list[str]] = []
    for i, title in enumerate(titles):
        number = str(first + i)
        numbers.append(number)
        pdf = f" pdf icon PDF {r.randrange(60, 900)} KB" if i >= 2 else ""
        out += [f"{number}.", "", f"{title}{pdf}", "", "Minutes:", ""]
        if title == "Apologies for Absence":
            gone = w.members[r.randrange(len(w.members))]
            out += [f"Apologies for absence were received from Councillor {gone}.", ""]
            who.append([f"Councillor {gone}", "apologies", "member"])
        elif title == "Declarations of Interest":
            out += ["There were no declarations of interest.", ""]
        elif title == "Minutes":
            out += [
                "The minutes of the previous meeting were agreed as a true record.",
                "",
            ]
        else:
            out += [w.paragraph(committee), ""]
    text = "\n".join(out) + "\n"
    truth = Truth(file, "moderngov", w.council, committee, day.isoformat(), titles, numbers, who)
    return text, truth


def _attendance(w: Writer, present: list[str]) -> tuple[list[str], list[list[str]]]:
    """The attendance block of printed minutes in one of several forms, and who is in it
    as ``[name as written, status, capacity]``."""
    r = w.rng
    form = r.randrange(3)
    names: list[str] = []
    lines = ["Present:", ""]
    if form == 0:  # "Councillor A Name (Chair)" one a line
        for i, p in enumerate(present):
            name = f"Councillor {initial(p)}"
            lines.append(f"{name}{' (Chair)' if i == 0 else ''}  ")
            names.append(name)
    elif form == 1:  # "Members: Cllr ... , Cllr ..." in one run
        names = [f"Cllr {p}" for p in present]
        lines.append(f"Members: {', '.join(names[:-1])} and {names[-1]}")
    else:  # a table
        lines += ["| Name | Role |", "|---|---|"]
        for i, p in enumerate(present):
            name = f"Councillor {p}"
            lines.append(f"| {name} | {'Chair' if i == 0 else 'Member'} |")
            names.append(name)
    who = [[n, "present", "member"] for n in names]
    coopted = f"Mrs {initial(_people(random.Random(r.random()), 1)[0])}"
    lines += ["", f"Co-opted Members: {coopted}", "", "Employees:", ""]
    who.append([coopted, "present", "co-opted"])
    for officer, post in r.sample(w.officers, 3):
        lines.append(f"{initial(officer)}, {post}  ")
        who.append([initial(officer), "present", "officer"])
    away = f"Councillor {initial(r.choice([m for m in w.members if m not in present]))}"
    lines += ["", f"Apologies: {away}", ""]
    who.append([away, "apologies", "member"])
    return lines, who


def printed_minutes(w: Writer, file: str, numbered: bool) -> tuple[str, Truth]:
    r = w.rng
    committee, day, titles, present = _meeting(w, r.randrange(2, 7))
    out = [
        f"**{w.council}**  ",
        f"**Minutes of the Meeting of {committee}**  ",
        f"**held at {clock(r.choice((10, 14, 18)), r.choice((0, 30)))} on {plain_date(day)}**",
        "",
    ]
    block, names = _attendance(w, present)
    out += block
    out += ["## **Public Business**", ""]
    first = r.randrange(1, 80)
    numbers: list[str] = []
    for i, title in enumerate(titles):
        number = str(first + i) if numbered else ""
        numbers.append(number)
        heading = f"{number}. {title}" if numbered else title
        out += [f"### **{heading}**", ""]
        if title == "Minutes":
            out += ["The minutes of the previous meeting were agreed as a true record.", ""]
        elif title == "Apologies for Absence":
            out += ["Apologies were as recorded above.", ""]
        elif title == "Declarations of Interest":
            out += ["There were no disclosable pecuniary interests.", ""]
        else:
            out += [w.paragraph(committee), ""]
    out += [f"(Meeting closed at {clock(r.choice((12, 16, 20)), r.choice((5, 15, 40)))})", ""]
    kind = "minutes-numbered" if numbered else "minutes-unnumbered"
    truth = Truth(file, kind, w.council, committee, day.isoformat(), titles, numbers, names)
    return "\n".join(out), truth


def agenda(w: Writer, file: str) -> tuple[str, Truth]:
    r = w.rng
    committee, day, titles, present = _meeting(w, r.randrange(2, 6))
    titles = ["Apologies and Substitutions", *titles[1:]]
    out = [
        w.council,
        "",
        committee,
        "",
        "Time and Date",
        "",
        f"{clock(r.choice((10, 14)), r.choice((0, 30)))} on {long_date(day).replace(',', '', 1)}",
        "",
        "Place",
        "",
        f"{w.pick(VENUES)}, {w.hall}",
        "",
        "Public Business",
        "",
    ]
    numbers = []
    for i, title in enumerate(titles, start=1):
        numbers.append(str(i))
        pages = f" (Pages {i * 4 - 1} - {i * 4 + 2})" if i > 2 else ""
        out += [f"{i}. {title}{pages}", ""]
        if i > 3:
            post = w.officers[r.randrange(len(w.officers))][1]
            out += [f"Report of the {post}", ""]
    officer = w.officers[0][0]
    out += [
        "Private Business",
        "",
        "Nil",
        "",
        f"{officer}, {w.officers[0][1]}, {w.hall}",
        "",
        f"Membership: Councillors {', '.join(initial(p) for p in present[:-1])} "
        f"and {initial(present[-1])}",
        "",
    ]
    truth = Truth(file, "agenda", w.council, committee, day.isoformat(), titles, numbers)
    return "\n".join(out), truth


def work_programme(w: Writer, file: str) -> tuple[str, Truth]:
    r = w.rng
    committee = w.pick(COMMITTEES)
    year = r.randrange(2015, 2026)
    out = [
        f"{w.council}",
        "",
        f"{committee} Work Programme {year}/{str(year + 1)[2:]}",
        "",
        "| Meeting Date | Topic | Lead Officer |",
        "|---|---|---|",
    ]
    days, rows = [], []
    for month in sorted(r.sample(range(1, 13), r.randrange(3, 7))):
        day = dt.date(year, month, r.randrange(1, 29))
        officer, post = w.officers[r.randrange(len(w.officers))]
        topic = w.title(year)
        out.append(f"| {day.day} {MONTHS[month - 1]} {year} | {topic} | {officer}, {post} |")
        days.append(day)
        rows.append(topic)
    out += ["", f"Contact: {w.officers[-1][0]}, {w.officers[-1][1]}", ""]
    truth = Truth(file, "work-programme", w.council, committee, min(days).isoformat())
    truth.rows = rows
    return "\n".join(out), truth


def one(rng: random.Random, index: int) -> tuple[str, str, Truth]:
    """Document ``index``: its file name, text and truth."""
    w = Writer(rng, rng.randrange(len(COUNCILS)))
    kind = KINDS[rng.choices(range(len(KINDS)), weights=(4, 3, 2, 2, 1))[0]]
    suffix = ".md" if kind.startswith("minutes") else ".txt"
    file = f"{index:06d}-{kind}{suffix}"
    if kind == "moderngov":
        text, truth = moderngov_page(w, file)
    elif kind == "agenda":
        text, truth = agenda(w, file)
    elif kind == "work-programme":
        text, truth = work_programme(w, file)
    else:
        text, truth = printed_minutes(w, file, numbered=kind == "minutes-numbered")
    truth.words = len(text.split())
    return file, text, truth


def generate(docs: int, out: Path, seed: int = 1) -> list[Truth]:
    """Write ``docs`` documents and ``manifest.json`` into ``out``; return the truth."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    truths = []
    for i in range(docs):
        file, text, truth = one(rng, i)
        (out / file).write_text(text, encoding="utf-8")
        truths.append(truth)
    manifest = {"seed": seed, "docs": docs, "documents": [asdict(t) for t in truths]}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return truths


# -- the big inputs --------------------------------------------------------------------------
def big_attendance(rng: random.Random, size: int = 880_000) -> str:
    """A ModernGov attendance page (``mgMeetingAttendance.aspx``) of about ``size`` bytes."""
    out = [
        "URL: https://democracy.northbrook.gov.uk/mgMeetingAttendance.aspx?ID=9001",
        "",
        "Venue: Council Chamber - Civic Centre, Northbrook",
        "| Attendee | Role | Attendance | Attendance comment |",
        "|---|---|---|---|",
    ]
    total = sum(len(line) + 1 for line in out)
    n = 0
    while total < size:
        n += 1
        name = f"{FORENAMES[rng.randrange(len(FORENAMES))]} {SURNAMES[rng.randrange(len(SURNAMES))]}{'' if n < len(SURNAMES) else '-' + SURNAMES[n % len(SURNAMES)]}"
        role, title = ("Member", "Councillor ") if rng.random() < 0.7 else ("Officer", "")
        state = rng.choice(("Present", "Present", "Expected", "Apologies"))
        line = f"| {title}{name} | {role} | {state} | |"
        out.append(line)
        total += len(line) + 1
    return "\n".join(out) + "\n"


def nested_tables(rng: random.Random, size: int = 660_000) -> str:
    """An HTML page of about ``size`` bytes: tables nested four deep, text in the cells."""
    parts = ["<!DOCTYPE html><html><head><title>Committee papers</title></head><body>"]
    total = len(parts[0])
    while total < size:
        w = Writer(rng, rng.randrange(len(COUNCILS)))
        committee = w.pick(COMMITTEES)
        cells = []
        for _ in range(rng.randrange(2, 5)):
            inner = "".join(
                f"<tr><td>{initial(w.pick(w.members))}</td><td><table><tr><td>"
                f"{w.title(2020)}</td><td><table><tr><td>{w.paragraph(committee)}</td>"
                f"</tr></table></td></tr></table></td></tr>"
                for _ in range(rng.randrange(1, 4))
            )
            cells.append(f"<td><table>{inner}</table></td>")
        block = f"<table><tr><th>{committee}</th></tr><tr>{''.join(cells)}</tr></table>\n"
        parts.append(block)
        total += len(block)
    parts.append("</body></html>\n")
    return "".join(parts)


def huge_minutes(rng: random.Random, size: int = 5_000_000) -> str:
    """Printed minutes of about ``size`` bytes: one meeting with thousands of items."""
    w = Writer(rng, 0)
    committee = "Cabinet"
    out = [
        f"**{w.council}**  ",
        f"**Minutes of the Meeting of {committee}**  ",
        "**held at 2.00 pm on Tuesday, 4 March 2025**",
        "",
    ]
    block, _names = _attendance(w, w.members[:10])
    out += block + ["## **Public Business**", ""]
    total = sum(len(line) + 1 for line in out)
    n = 0
    while total < size:
        n += 1
        lines = [f"### **{n}. {w.title(2025)}**", "", w.paragraph(committee), ""]
        out += lines
        total += sum(len(line) + 1 for line in lines)
    return "\n".join(out) + "\n"


def generate_big(name: str, out: Path, seed: int = 1, scale: float = 1.0) -> Path:
    """Write the big input ``name`` (one of :data:`BIG`) into ``out``; return its path.
    ``scale`` multiplies its size (``0.1``: a tenth)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    if name == "big-attendance":
        path, text = out / "big-attendance.txt", big_attendance(rng, int(880_000 * scale))
    elif name == "nested-tables":
        path, text = out / "nested-tables.html", nested_tables(rng, int(660_000 * scale))
    elif name == "huge-minutes":
        path, text = out / "huge-minutes.md", huge_minutes(rng, int(4_900_000 * scale))
    else:
        raise ValueError(f"unknown big input {name!r}; one of {', '.join(BIG)}")
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="how many documents")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big", choices=BIG, help="write one big input instead")
    parser.add_argument("--scale", type=float, default=1.0, help="size of --big, times")
    args = parser.parse_args()
    if args.big:
        path = generate_big(args.big, args.out, args.seed, args.scale)
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
        return
    truths = generate(args.docs, args.out, args.seed)
    words = sum(t.words for t in truths)
    print(f"wrote {len(truths)} documents ({words:,} words) and {MANIFEST} into {args.out}")


if __name__ == "__main__":
    main()
