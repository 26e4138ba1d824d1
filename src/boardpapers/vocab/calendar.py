"""Months and weekdays in English and Welsh: the one table every date reader looks up.

Keys are lower case. English months and weekdays are keyed by their first three letters
("sept" and "september" both start "sep"); Welsh ones by the whole word, as papers write
them ("Dydd Mawrth, 20 Mai 2025", "1af Ebrill").
"""

from __future__ import annotations

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
WELSH_MONTHS = {"ionawr": 1, "chwefror": 2, "mawrth": 3, "ebrill": 4, "mai": 5,
                "mehefin": 6, "gorffennaf": 7, "awst": 8, "medi": 9, "hydref": 10,
                "tachwedd": 11, "rhagfyr": 12}
# Soft mutations seen after a day ("9fed o Fehefin"); read only where a day comes first,
# since "fehefin" alone is not otherwise a word the date patterns look for.
WELSH_MONTH_MUTATIONS = {"fehefin": 6}
WELSH_WEEKDAYS = {"llun": 0, "mawrth": 1, "mercher": 2, "iau": 3, "gwener": 4, "sadwrn": 5,
                  "sul": 6}

# English month names by number (1 = "January"): the standard library's follow the locale.
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
