from boardpapers.model.layout import Block, BlockKind, join_blocks


def test_join_blocks_gives_spans_into_joined_text():
    blocks, text = join_blocks([Block(BlockKind.HEADING, "Purpose", level=1),
                                Block(BlockKind.PARAGRAPH, "For information.")])
    assert text == "Purpose\nFor information."
    assert text[blocks[1].start:blocks[1].end] == "For information."
