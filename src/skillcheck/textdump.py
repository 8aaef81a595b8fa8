"""``skillcheck text FILE``: the text exactly as the checker analyses it.

When a report looks wrong, the first question is what the reader extracted;
this shows the blocks in order with their kind and page, then the warnings.
"""

from __future__ import annotations

from skillcheck.document import Block, Document

_PREFIX = {
    "heading": "[heading] ",
    "list-item": "- ",
    "table-cell": "| ",
    "header": "[header] ",
    "footer": "[footer] ",
    "paragraph": "",
}


def format_block(block: Block) -> str:
    """One block as one line, with a marker for its kind."""
    return _PREFIX.get(block.kind, "") + " ".join(block.text.split())


def format_document_text(doc: Document) -> str:
    """The document's blocks, ``--- page N ---`` markers for paged formats, then its warnings."""
    lines: list[str] = []
    page: int | None = None
    for block in doc.blocks:
        if block.page is not None and block.page != page:
            page = block.page
            lines.append(f"--- page {page} ---")
        lines.append(format_block(block))
    lines.append("")
    if doc.warnings:
        lines.append("warnings:")
        lines.extend(f"- {w.code}: {w.message}" for w in doc.warnings)
    else:
        lines.append("warnings: none")
    return "\n".join(lines) + "\n"
