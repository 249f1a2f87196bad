"""Small invented meeting minutes, as many as a test needs, written in this project's own
words: a committee, a date, who attended and a few items, varied by number."""

from __future__ import annotations

from pathlib import Path

_COMMITTEES = ("Parks", "Libraries", "Housing", "Transport", "Licensing", "Audit")
_SURNAMES = ("Quill", "Marsh", "Fenwick", "Oduya", "Tarrant", "Ploughman", "Hesketh")
_INITIALS = "ABCDEFGHJKLMNPRST"
_ITEMS = ("Annual Strategy", "Budget Monitoring", "Tree Planting Scheme", "Bus Shelter Renewal")


def minutes(n: int) -> str:
    """The minutes of invented meeting number ``n``."""
    committee = _COMMITTEES[n % len(_COMMITTEES)]
    chair = _SURNAMES[n % len(_SURNAMES)]
    member = _SURNAMES[(n + 3) % len(_SURNAMES)]
    officer = _SURNAMES[(n + 5) % len(_SURNAMES)]
    item = _ITEMS[n % len(_ITEMS)]
    day, month = 1 + n % 27, ("March", "June", "October")[n % 3]
    return (
        "Ashcombe Borough Council\n\n"
        f"Minutes of the Meeting of the {committee} Committee held at 2.00 pm on "
        f"{day} {month} {2030 + n // 6}\n\n"
        "Present:\n\n"
        f"Members: Councillor {_INITIALS[n % 17]} {chair} (Chair), Councillor "
        f"{_INITIALS[(n + 4) % 17]} {member}\n\n"
        f"Employees: {_INITIALS[(n + 8) % 17]} {officer}, Director of {committee}\n\n"
        f"1. {item}\n\n"
        f"The Director of {committee} presented the report on the {item.lower()}. "
        f"Councillor {chair} thanked the Director and the Committee agreed the report.\n"
    )


def write_minutes(folder: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` invented minutes in ``folder``, numbered from ``start``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"minutes-{n:03d}.md"
        path.write_text(minutes(n), encoding="utf-8")
        paths.append(path)
    return paths
