"""Publication lists from reference tools, turned into the contract's text columns.

One entry point chooses the reader by extension and content: BibTeX (`.bib`), RIS (`.ris`), Web
of Science tagged exports (`.txt`/`.ciw`/`.ris` starting with `FN`), and OpenAlex or Crossref
works JSON (`.json`). Bytes are decoded like CSV (UTF-8 with or without BOM, UTF-16, CP949), as
Korean databases export RIS in CP949. Every reader raises `FileProblem` for a file it cannot
read as a whole and leaves judging individual values to the validator.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl

from etl.bibtex_reader import bibtex_rows
from etl.problems import FileProblem
from etl.publication_fields import publication_frame
from etl.readers import decode_text
from etl.ris_reader import is_web_of_science, ris_rows, wos_rows
from etl.works_json import works_rows

__all__ = ["is_publication_text", "read_publication_file"]

#: extensions that always hold publications; a `.txt` does when it is a Web of Science export
PUBLICATION_SUFFIXES = {".bib", ".ris", ".json", ".ciw"}


def is_publication_text(path: Path) -> bool:
    """True for a `.txt` file that is a Web of Science export rather than a CSV."""
    with path.open("rb") as handle:
        start = handle.read(64)
    try:
        return is_web_of_science(decode_text(start, path.name))
    except FileProblem:  # the first bytes may end inside a character: then it is not WoS text
        return False


def read_publication_file(path: Path, ror_names: Mapping[str, str] | None = None) -> pl.DataFrame:
    """A publication file as text columns of the publications contract."""
    text = decode_text(path.read_bytes(), path.name)
    suffix = path.suffix.lower()
    if suffix == ".bib":
        rows = bibtex_rows(text, path.name)
    elif suffix in {".ris", ".txt", ".ciw"}:
        rows = wos_rows(text, path.name) if is_web_of_science(text) else ris_rows(text, path.name)
    elif suffix == ".json":
        rows = works_rows(text, path.name, ror_names or {})
    else:
        raise FileProblem(path.name, "unknown_format", f"'{suffix}' publication files are not "
                          "accepted (bib, ris, txt from Web of Science, json)",
                          f"'{suffix}' 논문 파일은 받을 수 없습니다 "
                          "(bib, ris, Web of Science txt, json)")
    return publication_frame(rows)
