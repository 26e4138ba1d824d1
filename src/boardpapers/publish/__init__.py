"""Publishing: what the sector reads, made from the database.

One module per output: ``brief`` (the weekly policy brief), ``pack`` (a meeting's pack),
``participation`` (counts and percentages of taking-part councils, with a chart),
``ical`` (calendars of meetings, deadlines and events), ``feed`` (an Atom feed of new
papers), ``export`` (tables as CSV, JSON Lines or Parquet) and ``datasette`` (the
metadata that names the SQLite tables and columns for Datasette). ``items`` keeps items
added by hand for the brief; ``rows`` holds the queries they share; ``render`` turns
templates into HTML and PDF. Each gathers plain values first and renders them second, so
tests check content without parsing output.
"""
