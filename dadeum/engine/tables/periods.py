"""Years in labels and headers: "2023", "2023년", "2023 p)" (provisional), "2023e".

Below both ``header`` (which tells a year column from an ID column) and ``names`` (which
names a level of years 연도), so neither imports the other for it.
"""

import re

# "2023", "2023년", "2023 p)", "2023(p)", "2023e", "2023년(잠정)": a year, perhaps provisional.
YEAR = re.compile(
    r"^(?P<year>(?:19|20)\d\d)\s*(?:년도?)?\s*(?P<mark>\(?\s*[pPeE]\s*\)|[pPeE]|\(?\s*(?:잠정치?|추정치?|예비)\s*\)?)?$"
)


def year_of(value: object) -> tuple[str, str | None] | None:
    """ "2023 p)" → ("2023", "p)"); "2021년" → ("2021", None); not a year → None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    match = YEAR.match(value.strip())
    if not match:
        return None
    return match.group("year"), match.group("mark")
