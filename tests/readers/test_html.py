"""HTML reader: ModernGov pages (English and Welsh), a generic council page in
Windows-1252, furniture that must never appear, decoding and bad input."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boardpapers import readers
from boardpapers.model.errors import UnreadableFile
from boardpapers.model.layout import BlockKind, Layout, Source
from boardpapers.readers import html as html_reader
from boardpapers.readers.html_decode import decode_html
from boardpapers.readers.html_furniture import is_furniture_text, strip_file_sizes
from tests.conftest import FIXTURES

READERS = FIXTURES / "readers"
FURNITURE = ("pdf icon", "PDF 244 KB", "KB", "View the reasons why", "View the decision",
             "Download", "Share this page", "Printed minutes", "Media", "Cymraeg", "cookies",
             "Skip to", "Bins and recycling", "Accessibility statement", "Committee details",
             "webcast", "Agenda reports pack", "Facebook", "Your councillors")


def _read(name: str) -> Layout:
    return readers.read(READERS / name)


def _source(data: bytes) -> Source:
    return Source(path="page.html", sha256=hashlib.sha256(data).hexdigest(), format="html")


def _from_html(html: str) -> Layout:
    data = html.encode("utf-8")
    return html_reader.read_bytes(data, _source(data))


def _items(layout: Layout, depth: int | None = None) -> list[tuple[str, str]]:
    return [(b.marker, b.text) for b in layout.blocks if b.kind is BlockKind.LIST_ITEM
            and (depth is None or b.depth == depth)]


@pytest.fixture(scope="module")
def agenda() -> Layout:
    return _read("html_moderngov_agenda_minutes.html")


def test_moderngov_meeting_heading_venue_contact(agenda: Layout) -> None:
    first = agenda.blocks[:5]
    assert [(b.kind, b.text) for b in first[:2]] == [
        (BlockKind.HEADING, "Agenda and minutes"),
        (BlockKind.HEADING, "Cabinet - Tuesday, 12th March, 2024 6.00 pm")]
    assert first[2].text == ("Venue: Council Chamber, Ashcombe Civic Centre, Market Street, "
                             "Ashcombe AS1 2CC.")
    assert first[3].text.startswith("Contact: Owen Pritchard, Democratic Services Officer, "
                                    "01632 960555")
    assert "democracy@ashcombe.example.gov.uk" in first[3].text
    assert agenda.metadata["platform"] == "moderngov"
    assert agenda.metadata["url"].endswith("ieListDocuments.aspx?CId=120&MId=4410")


def test_moderngov_items_with_numbers_titles_minutes_and_decisions(agenda: Layout) -> None:
    assert _items(agenda, depth=0) == [
        ("1.", "Apologies for absence"),
        ("2.", "Minutes of the meeting held on 13 February 2024"),
        ("12.", "Revenue Budget 2024/25 and Medium Term Financial Strategy"),
        ("12a", "Capital Programme 2024/25"),
        ("13.", "Disposal of land at Quarry Road"),
    ]
    assert all(b.bold for b in agenda.blocks if b.kind is BlockKind.LIST_ITEM and b.depth == 0)
    texts = [b.text for b in agenda.blocks]
    budget = texts.index("Revenue Budget 2024/25 and Medium Term Financial Strategy")
    after = texts[budget + 1:texts.index("Capital Programme 2024/25")]
    assert after[:2] == ["Report of the Director of Resources.", "Additional documents:"]
    assert "Decision:" in after and "RESOLVED that Cabinet recommends to Council:" in after
    assert _items(agenda, depth=1)[-2:] == [
        ("a.", "the net revenue budget of £18.4 million for 2024/25;"),
        ("b.", "a council tax increase of 4.99 per cent.")]
    # a <br> inside a paragraph is a line break within the block
    assert ("Members noted that the council tax increase of 4.99 per cent included the adult "
            "social care precept.\nThe Chief Finance Officer confirmed the reserves "
            "position.") in texts
    assert "Part 2 - Exempt items" in texts
    assert "RESOLVED that the disposal be approved on the terms set out in the exempt " \
           "report." in texts


def test_moderngov_furniture_never_appears(agenda: Layout) -> None:
    for phrase in FURNITURE:
        assert phrase.lower() not in agenda.text.lower(), phrase


def test_welsh_moderngov_page() -> None:
    layout = _read("html_moderngov_welsh.html")
    assert layout.metadata["language"] == "cy"
    assert [b.text for b in layout.blocks[:4]] == [
        "Agenda a chofnodion", "Cabinet - Dydd Mawrth, 9fed Ebrill, 2024 2.00 pm",
        "Lleoliad: Siambr y Cyngor, Neuadd y Sir, Glanaber SA99 1AA",
        "Cyswllt: Gwenllian Morgan, Swyddog Gwasanaethau Democrataidd, 01632 960777"]
    assert _items(layout) == [("1.", "Ymddiheuriadau am absenoldeb"),
                              ("5.", "Strategaeth Tai 2024-2029")]
    labels = [b.text for b in layout.blocks if b.bold and b.kind is BlockKind.PARAGRAPH]
    # the "Gweld y rhesymau pam fod eitem 5. wedi'i chyfyngu" link becomes a marker
    assert labels == ["Cofnodion:", "Cyfyngedig", "Cofnodion:", "Penderfyniad:"]
    for phrase in ("English", "Cofnodion printiedig", "Cyfryngau", "gweddarllediad",
                   "Lawrlwytho", "rhesymau", "PDF", "Hafan"):
        assert phrase.lower() not in layout.text.lower(), phrase


def test_agenda_item_page_keeps_supporting_document_titles() -> None:
    layout = _read("html_moderngov_agenda_item.html")
    assert layout.blocks[2].text == "Meeting: 05/02/2024 - Planning Policy Committee (Item 7)"
    assert _items(layout) == [
        ("7.", "Local Plan Review: consultation response"),
        ("1.", "the consultation response be agreed; and"),
        ("2.", "the Head of Planning be authorised to make minor amendments."),
        ("•", "Local Plan consultation report, item 7"),
        ("•", "Appendix 1 - Draft response")]
    assert "helpful" not in layout.text


def test_attendance_page_tables() -> None:
    layout = _read("html_moderngov_attendance.html")
    tables = [b for b in layout.blocks if b.kind is BlockKind.TABLE]
    assert tables[0].rows[0] == ("Attendee", "Role", "Attendance")
    assert tables[0].rows[2] == ("Councillor Peter Langdon", "Vice-Chair", "Apologies")
    assert tables[1].rows == (("Name", "Role"), ("Laura Beck", "Licensing Manager"))
    assert "Attendance details" in [b.text for b in layout.blocks]


@pytest.fixture(scope="module")
def report() -> Layout:
    return _read("html_report_windows1252.html")


def test_windows_1252_page_decoded_by_meta_charset(report: Layout) -> None:
    assert report.metadata["encoding"] == "cp1252"
    assert "£2.5 million" in report.text and "Panel’s" in report.text
    assert report.blocks[0].text == "Parks and Open Spaces Strategy 2024–2034"
    assert report.metadata["title"] == "Parks and Open Spaces Strategy – Briarwood City Council"


def test_lists_markers_from_type_start_value_and_nesting(report: Layout) -> None:
    items = [(b.marker, b.text, b.depth) for b in report.blocks
             if b.kind is BlockKind.LIST_ITEM]
    assert items == [("a.", "comment on the draft strategy;", 0),
                     ("b.", "note the consultation plan:", 0),
                     ("•", "online survey", 1), ("•", "drop-in sessions", 1),
                     ("i.", "Northfield library", 2), ("ii.", "Castle Park pavilion", 2),
                     ("e.", "agree the timetable.", 0)]


def test_table_colspan_rowspan_padded(report: Layout) -> None:
    table = next(b for b in report.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == (("Source", "Amount", ""), ("", "2024/25", "2025/26"),
                          ("Capital", "£400,000", "£350,000"),
                          ("Section 106", "£120,000", "–"))


def test_br_lines_and_blank_line_paragraphs(report: Layout) -> None:
    texts = [b.text for b in report.blocks]
    assert ("Report author: Imogen Clarke\nParks Development Officer\n"
            "imogen.clarke@briarwood.example.gov.uk") in texts
    assert "Lead member: Councillor Dev Mistry" in texts
    bold = next(b for b in report.blocks if b.text == "Background papers: none.")
    assert bold.bold
    assert not next(b for b in report.blocks if b.text.startswith("Consultation closes")).bold


def test_hidden_and_chrome_are_dropped(report: Layout) -> None:
    for phrase in ("Draft text", "£1.9 million", "Opens in a new window", "cookies", "Home",
                   "Privacy", "helpful", "window.dataLayer", "font-family"):
        assert phrase not in report.text, phrase


def test_spans_point_into_text(report: Layout) -> None:
    for b in report.blocks:
        assert report.text[b.start:b.end] == b.text


# --- decoding --------------------------------------------------------------------------

@pytest.mark.parametrize("data,expected", [
    ("<p>£5</p>".encode(), "utf-8"),
    (b"\xef\xbb\xbf<p>\xc2\xa35</p>", "utf-8-sig"),
    ('<meta charset="iso-8859-1"><p>£5 – “quoted”</p>'.encode("cp1252"), "cp1252"),
    ("<p>Caerdydd – £5, ŵ ŷ</p>".encode("utf-16"), "utf-16"),
])
def test_decoding(data: bytes, expected: str) -> None:
    text, encoding = decode_html(data, "x.html")
    assert encoding == expected and "£5" in text


def test_undeclared_legacy_encoding_is_detected() -> None:
    data = ("<html><body><p>Cost of the scheme: £25,000 for the café and the "
            "garden – agreed by the committee.</p></body></html>").encode("cp1252")
    layout = html_reader.read_bytes(data, _source(data))
    assert "£25,000" in layout.text and "café" in layout.text


# --- bad input -------------------------------------------------------------------------

def test_binary_data_is_not_html() -> None:
    data = bytes(range(256)) * 4
    with pytest.raises(UnreadableFile) as info:
        html_reader.read_bytes(data, _source(data))
    assert "binary" in info.value.reason


def test_script_only_page_has_no_readable_text() -> None:
    with pytest.raises(UnreadableFile) as info:
        _from_html("<html><body><div id='app'></div><script>render()</script></body></html>")
    assert "no readable text" in info.value.reason


def test_generic_page_without_main_uses_body() -> None:
    layout = _from_html("<h1>Notice</h1><div>First line<br><br>Second para</div>"
                        "<table><tr><td>only cell</td></tr></table>")
    assert [(b.kind, b.text) for b in layout.blocks] == [
        (BlockKind.HEADING, "Notice"), (BlockKind.PARAGRAPH, "First line"),
        (BlockKind.PARAGRAPH, "Second para"), (BlockKind.PARAGRAPH, "only cell")]


@pytest.mark.parametrize("text,expected", [
    ("Budget report pdf icon PDF 244 KB", "Budget report"),
    ("Agenda frontsheet (PDF, 97 KB)", "Agenda frontsheet"),
    ("Appendix A PDF 1 MB", "Appendix A"),
    ("The PDF format is accepted", "The PDF format is accepted")])
def test_strip_file_sizes(text: str, expected: str) -> None:
    assert strip_file_sizes(text) == expected


@pytest.mark.parametrize("text", ["Download", "Share this page", "Printed minutes",
                                  "View the reasons why item 13. is restricted", "Cymraeg",
                                  "Lawrlwytho", "Media"])
def test_furniture_phrases(text: str) -> None:
    assert is_furniture_text(text)
    assert not is_furniture_text("RESOLVED that the report be noted.")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_reads_or_raises_unreadable(text: str) -> None:
    try:
        layout = _from_html(text)
    except UnreadableFile:
        return
    for b in layout.blocks:
        assert layout.text[b.start:b.end] == b.text


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_raise_unreadable(data: bytes) -> None:
    try:
        html_reader.read_bytes(data, _source(data))
    except UnreadableFile:
        pass


def test_deeply_nested_page_does_not_crash() -> None:
    html = "<div>" * 3000 + "deep text" + "</div>" * 3000 + "<p>Shallow text</p>"
    layout = _from_html(html)
    assert "Shallow text" in layout.text


def test_pre_text_splits_into_paragraphs_at_blank_lines() -> None:
    layout = _from_html("<pre>Agenda\nFriday 5 March\n\nItem one text\n\n\nItem two</pre>")
    assert [b.text for b in layout.blocks] == ["Agenda\nFriday 5 March", "Item one text",
                                               "Item two"]


def test_moderngov_restricted_link_becomes_a_restricted_marker_under_its_item() -> None:
    layout = _read("html_moderngov_agenda_minutes.html")
    texts = [b.text for b in layout.blocks]
    at = texts.index("Disposal of land at Quarry Road")
    assert texts[at + 1:at + 3] == ["Restricted", "Decision:"]
    assert "view the reasons" not in layout.text.lower()


# --- items tables known by their shape (CMIS and other systems) -------------------------


def test_cmis_agenda_items_table_read_item_by_item_without_moderngov_classes() -> None:
    layout = _read("html_cmis_agenda.html")
    assert "platform" not in layout.metadata
    assert _items(layout) == [
        ("1.", "Apologies for Absence"), ("2.", "Declarations of Interest"),
        ("3.", "Street Trading Policy Review"), ("3a", "Street Trading Fees 2026/27"),
        ("4.", "Review of a Private Hire Driver Licence")]
    texts = [b.text for b in layout.blocks]
    review = texts.index("Street Trading Policy Review")
    assert texts[review + 1:review + 3] == [
        "Report of the Head of Environmental Health (LRC/25/12).",
        "Purpose: to agree a twelve-week consultation on the revised policy."]
    # a row that is not an item (the Part II divider) is read as its own bold paragraph
    part_two = next(b for b in layout.blocks if b.text == "Part II – Not for publication")
    assert part_two.bold and part_two.kind is BlockKind.PARAGRAPH
    # the date/time/place label table stays a table for the meeting parsers
    assert layout.blocks[1].rows[1] == ("Time:", "7.00 pm")


def test_numbered_data_table_with_several_columns_stays_a_table() -> None:
    layout = _read("html_cmis_agenda.html")
    fees = [b for b in layout.blocks if b.kind is BlockKind.TABLE][-1]
    assert fees.rows[1] == ("1", "Annual consent", "£400", "£412")


def test_site_header_menu_and_footer_named_by_suffix_are_dropped() -> None:
    layout = _read("html_cmis_agenda.html")
    assert layout.blocks[0].text == "Licensing and Regulatory Committee"
    for phrase in ("Calendar", "People", "Search", "Meetings",
                   "Hartwell Vale District Council, Vale House"):
        assert phrase not in layout.text, phrase
    assert layout.text.count("Vale House, Mill Lane") == 1  # the venue, not the footer


def test_items_table_without_any_class_names_is_known_by_title_and_text_cells() -> None:
    layout = _from_html(
        "<main><h1>Scrutiny Panel – 3 March 2025</h1><table>"
        "<tr><th>Item No.</th><th>Item</th></tr>"
        "<tr><td>1</td><td><p>Minutes</p><p>DECIDED: that the minutes be approved.</p></td></tr>"
        "<tr><td>2</td><td><p>Bus Services Review</p><p>The panel heard evidence.</p>"
        "<p><strong>DECIDED:</strong></p><p>(a) that the review be noted.</p></td></tr>"
        "</table></main>")
    assert _items(layout) == [("1", "Minutes"), ("2", "Bus Services Review")]
    assert [b.text for b in layout.blocks[-3:]] == [
        "The panel heard evidence.", "DECIDED:", "(a) that the review be noted."]


def test_two_column_numbered_list_with_item_header_but_short_titles_is_an_items_table() -> None:
    layout = _from_html(
        "<main><table><tr><th>No.</th><th>Item</th></tr>"
        "<tr><td>1.</td><td>Apologies</td></tr><tr><td>2.</td><td>Budget 2025/26</td></tr>"
        "</table><p>Enquiries to the clerk.</p></main>")
    assert _items(layout) == [("1.", "Apologies"), ("2.", "Budget 2025/26")]


def test_plain_two_column_numbered_table_without_item_cues_stays_a_table() -> None:
    layout = _from_html(
        "<main><table><tr><td>1</td><td>Apples</td></tr><tr><td>2</td><td>Pears</td></tr>"
        "</table><p>Fruit grown in the district orchards in 2025.</p></main>")
    assert layout.blocks[0].kind is BlockKind.TABLE
    assert layout.blocks[0].rows == (("1", "Apples"), ("2", "Pears"))
