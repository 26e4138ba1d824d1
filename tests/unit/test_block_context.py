"""Which heading a stored passage is filed under (shown with each search hit)."""

from boardpapers.model.layout import Block, BlockKind, Layout, Source
from boardpapers.model.paper import Paper, Report
from boardpapers.store.rows import block_context, is_field_label

H, P = BlockKind.HEADING, BlockKind.PARAGRAPH
BLOCKS = [(H, "4. Minutes of the last meeting"), (P, "The minutes were agreed."),
          (H, "Harbour Wall Repair"), (H, "Contact officer"), (P, "Sam Reed"),
          (H, "Position:"), (P, "Head of Assets"), (H, "Email:"), (P, "sam@example.org"),
          (H, "Background"), (P, "The wall was built in 1880.")]


def paper() -> Paper:
    source = Source(path="pack.txt", sha256="0" * 64, format="txt", size=1)
    layout = Layout(source, tuple(Block(kind, text) for kind, text in BLOCKS))
    return Paper(source=source, genre="agenda_pack", layout=layout,
                 reports=(Report(title="Harbour Wall Repair", first_block=2,
                                 last_block=len(BLOCKS) - 1),))


def test_labels_and_report_starts_do_not_become_the_heading():
    headings = [h for _, _, h in block_context(paper())]
    assert headings[1] == "4. Minutes of the last meeting"
    assert headings[2] is None  # the report's title is not under the item before it
    assert headings[4] == "Contact officer"
    assert headings[6] == "Contact officer"  # not "Position:"
    assert headings[8] == "Contact officer"  # not "Email:"
    assert headings[10] == "Background"


def test_field_labels():
    for label in ("Email:", "Phone no:", "Position:", "Tel. / Ffôn:", "Job title:"):
        assert is_field_label(label), label
    for heading in ("Background:", "Recommendations", "The Board is asked to:",
                    "1. Purpose:", "Email"):
        assert not is_field_label(heading), heading
