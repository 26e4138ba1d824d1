"""`show` prints what was extracted: meeting, people, decisions, reports, items, checks."""

from boardpapers.show import paper_lines

DOC = {
    "id": "ab12cd34ef56" + "0" * 52, "path": "papers/cabinet.pdf", "versions": [],
    "paper": {
        "title": "Cabinet", "genre": "agenda_pack", "date": "2025-03-11", "body": "Cabinet",
        "authority": "Aldport Borough Council",
        "meeting": {
            "body": "Cabinet", "date": "2025-03-11", "time": "14:00", "venue": "Town Hall",
            "online": False, "end_time": "16:05",
            "next_meeting": {"date": "2025-04-08", "time": "14:00", "venue": "Town Hall"},
            "contact": "Ada Clerk, 01632 960000",
            "members": [{"name": "Rhea Moss", "role": "chair", "group": "Green",
                         "title": "Cllr", "honours": "OBE", "position": "Leader"},
                        {"name": "Tom Vale", "role": "member", "group": "Labour"}],
            "group_offices": [{"group": "Green Group", "phone": "01632 960001",
                               "email": "greens@aldport.example.gov.uk"}],
            "attendees": ["Rhea Moss", "Tom Vale"], "apologies": ["Iris Penn"],
            "declarations": ["Cllr Vale declared an interest\nin item 5."],
            "officers": ["Ada Clerk"],
            "items": [{"number": "5", "title": "Harbour wall", "pages": "9 - 14",
                       "presenters": ["Head of Assets"], "confidential": True,
                       "decision": "RESOLVED that the repair\nbe approved."}]},
        "reports": [{"title": "Harbour wall repair", "agenda_item": "5", "pages": [9, 14],
                     "report_of": "Head of Assets", "wards": "Quayside", "key_decision": True,
                     "confidential": True, "exempt_paragraphs": ["3"],
                     "purpose": "To approve the repair.", "summary": "The wall " * 80,
                     "recommendations": ["approve the repair"], "actions": ["tender it"],
                     "contact_officers": [{"name": "Sam Reed", "email": "sam@example.org"}]}],
        "items": [{"kind": "event", "headline": "Harbour open day", "highlighted": True,
                   "section": "EVENTS", "dates": ["2025-06-02"],
                   "links": ["https://aldport.example.gov.uk/open-day"]}],
        "tables": [{"caption": "Costs", "checks": [
            {"column": "Cost", "kind": "total", "expected": 120.0, "found": 125.0,
             "ok": False},
            {"column": "Year", "kind": "total", "expected": 1.0, "found": 1.0, "ok": True}]}],
    }}


def test_show_prints_what_was_extracted():
    text = "\n".join(paper_lines(DOC))
    for expected in (
        "published by Aldport Borough Council",
        "next meeting: 2025-04-08 14:00 Town Hall",
        "ended 16:05",
        "chair: Cllr Rhea Moss OBE (Green, Leader)",
        "members: 2 (Green 1, Labour 1)",
        "group office: Green Group, 01632 960001, greens@aldport.example.gov.uk",
        "present: Rhea Moss; Tom Vale", "apologies: Iris Penn", "officers: Ada Clerk",
        "declaration: Cllr Vale declared an interest in item 5.",
        "p. 9 - 14  — Head of Assets",
        "decision:[/green] RESOLVED that the repair be approved.",
        "item 5, pp. 9–14", "key decision: yes", "wards: Quayside",
        "confidential: yes — Schedule 12A paragraph 3",
        "purpose: To approve the repair.", "• approve the repair", "action: tender it",
        "contact: Sam Reed, sam@example.org",
        "★ \\[event] Harbour open day", "dates: 2025-06-02",
        "https://aldport.example.gov.uk/open-day",
        "Costs: total of Cost is 125.0, the figures give 120.0",
    ):
        assert expected in text, expected
    assert "Year" not in text  # a check that holds is not listed
    summary = next(line for line in text.splitlines() if "summary:" in line)
    assert summary.endswith("…") and len(summary) < 430
