"""Opening hours in the directory: how they read, and whether an organisation is open now.

Plain Python over the stored fields. Set weekly times follow the same rule as Harbour's own
advice line (London time, England's bank holidays), so both say "open now" the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harbour.common.advice_line import LineHours, advice_line_status, clock

TWENTY_FOUR_HOURS = "24-hours"
WEEKLY = "weekly"

DAY_NAMES = (gettext_lazy("Monday"), gettext_lazy("Tuesday"), gettext_lazy("Wednesday"),
             gettext_lazy("Thursday"), gettext_lazy("Friday"), gettext_lazy("Saturday"),
             gettext_lazy("Sunday"))


@dataclass(frozen=True)
class OpeningHours:
    kind: str  # "24-hours", "weekly" or "unknown"
    days: frozenset[int] = frozenset()  # Monday is 0
    opens: dt.time | None = None
    closes: dt.time | None = None
    closed_on_bank_holidays: bool = False


@dataclass(frozen=True)
class OpenStatus:
    is_open: bool
    text: str


def open_status(hours: OpeningHours, now: dt.datetime) -> OpenStatus | None:
    """Open now or not, in words; None when the hours are not known."""
    if hours.kind == TWENTY_FOUR_HOURS:
        return OpenStatus(True, _("Open 24 hours"))
    if hours.kind != WEEKLY or not hours.days or hours.opens is None or hours.closes is None:
        return None
    line = advice_line_status(now, LineHours(
        weekdays=hours.days, opens=hours.opens, closes=hours.closes,
        closed_on_bank_holidays=hours.closed_on_bank_holidays))
    return OpenStatus(line.is_open, line.describe())


def hours_text(hours: OpeningHours) -> str:
    """"Monday to Friday, 9.30am to 3pm. Closed on bank holidays." """
    if hours.kind == TWENTY_FOUR_HOURS:
        return _("24 hours a day, every day.")
    if hours.kind != WEEKLY or not hours.days or hours.opens is None or hours.closes is None:
        return _("We have not checked their opening hours.")
    text = _("%(days)s, %(opens)s to %(closes)s.") % {
        "days": days_text(hours.days), "opens": clock(hours.opens), "closes": clock(hours.closes)}
    if hours.closed_on_bank_holidays:
        text += " " + _("Closed on bank holidays.")
    return text


def days_text(days: frozenset[int]) -> str:
    """Monday to Friday; Monday, Wednesday and Friday; Every day."""
    if len(days) == 7:
        return _("Every day")
    runs: list[list[int]] = []
    for day in sorted(days):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [(_("%(first)s to %(last)s") % {"first": DAY_NAMES[run[0]], "last": DAY_NAMES[run[-1]]}
              if len(run) >= 3 else ", ".join(str(DAY_NAMES[day]) for day in run)) for run in runs]
    phrase = ", ".join(parts)
    if len(days) > 1 and not (len(runs) == 1 and len(runs[0]) >= 3):
        head, _sep, last = phrase.rpartition(", ")
        phrase = _("%(head)s and %(last)s") % {"head": head, "last": last}
    return phrase
