"""BibTeX, as reference managers export it, read with bibtexparser v2.

LaTeX accents and braces are decoded (pylatexenc underneath). Decoding is by far the slowest step
of a load, so values with nothing LaTeX in them skip it; the text that comes out is the same.
Grant numbers are searched for in the funding, acknowledgement, note and annote fields.
"""

from __future__ import annotations

import re

import bibtexparser
from bibtexparser import middlewares as mw
from bibtexparser.library import Library
from bibtexparser.model import DuplicateBlockKeyBlock, Entry

from etl.problems import FileProblem
from etl.publication_fields import (
    PublicationRow,
    display_name,
    funding_text,
    month_number,
)
from etl.readers import ROW

FUNDING_FIELDS = ("funding", "funding-acknowledgement", "funding-text", "acknowledgement",
                  "acknowledgements", "acknowledgment", "acknowledgments", "note", "annote")
#: anything pylatexenc would change: macros, groups, math, ties, comments, dashes and quotes
LATEX_MARKUP = re.compile(r"[\\{}$~%]|--|``|''")
#: escaped special characters, the only markup most funding texts have ('IITP \& MSIT')
ESCAPED_SPECIAL = re.compile(r"\\([&%$#_])")


class LatexDecoding(mw.LatexDecodingMiddleware):
    """LaTeX decoding that leaves plain values alone instead of parsing them."""

    def _transform_python_value_string(self, python_string: str) -> tuple[str, str]:
        unescaped = ESCAPED_SPECIAL.sub(r"\1", python_string)
        if not LATEX_MARKUP.search(ESCAPED_SPECIAL.sub("", python_string)):
            return unescaped, ""
        return super()._transform_python_value_string(python_string)


def _middlewares() -> list[mw.Middleware]:
    return [LatexDecoding(), mw.SeparateCoAuthors(), mw.NormalizeFieldKeys()]


def bibtex_rows(text: str, file_name: str) -> list[PublicationRow]:
    """One row per BibTeX entry; `_row` is the line where the entry starts.

    An entry that cannot be parsed stops the file (naming its line), so no paper is silently
    left out; an entry that only repeats an earlier citation key is read like any other.
    """
    library = bibtexparser.parse_string(text, append_middleware=_middlewares())
    entries = list(library.entries)
    broken = []
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            entries.append(_decoded(block.ignore_error_block))
        else:
            broken.append(block.start_line + 1)
    if broken:
        lines = ", ".join(str(n) for n in broken[:5])
        raise FileProblem(file_name, "corrupt_bibtex",
                          f"BibTeX entries starting at line {lines} cannot be read (check "
                          "braces, quotes and the comma after each field)",
                          f"{lines}행에서 시작하는 BibTeX 항목을 읽을 수 없습니다 "
                          "(중괄호, 따옴표, 필드 뒤 쉼표를 확인하세요)")
    rows = [_entry_row(entry) for entry in sorted(entries, key=lambda e: e.start_line)]
    if not rows and text.strip():
        raise FileProblem(file_name, "corrupt_bibtex", "the file holds no BibTeX entry "
                          "(entries start with @article{, @inproceedings{, ...)",
                          "BibTeX 항목(@article{, @inproceedings{ 등)이 없습니다")
    return rows


def _decoded(entry: Entry) -> Entry:
    """An entry set aside for its repeated key, put through the same decoding as the others."""
    library = Library([entry])
    for middleware in _middlewares():
        library = middleware.transform(library)
    return library.entries[0]


def _entry_row(entry: Entry) -> PublicationRow:
    fields = {f.key.lower(): f.value for f in entry.fields}
    authors = fields.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    eprint = fields.get("eprint") \
        if str(fields.get("archiveprefix", "")).lower() == "arxiv" else None
    return {
        ROW: entry.start_line + 1,
        "title": fields.get("title"),
        "year": fields.get("year"),
        "month": month_number(fields.get("month")),
        "venue": fields.get("journal") or fields.get("booktitle") or fields.get("publisher"),
        "doi": fields.get("doi"),
        "arxiv_id": eprint,
        "authors": "; ".join(display_name(str(a)) for a in authors) or None,
        "affiliations": fields.get("affiliation") or fields.get("affiliations"),
        "is_open_access": fields.get("openaccess") or fields.get("oa"),
        "acknowledged_projects": funding_text(fields.get(k) for k in FUNDING_FIELDS),
    }
