"""Every field a publication format keeps funding in feeds the grant finder.

For each reader and each of its funding fields, a one-record file carries a grant number in that
field only; the number must come out of the reader's `acknowledged_projects` text and be found by
etl/grants.py. A field a reader forgot would silently make its papers uncountable.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contract import PUBLICATIONS
from etl.files import read_file
from etl.grants import find
from etl.publication_readers import read_publication_file

NUMBER = "IITP-2026-RS-2024-00397085"
FOUND = ("RS-2024-00397085",)


def _bibtex(field: str) -> tuple[str, str]:
    return "paper.bib", (f"@article{{a,\n  title = {{T}},\n  author = {{Kim, Minjun}},\n"
                         f"  journal = {{J}},\n  year = {{2026}},\n"
                         f"  {field} = {{Supported by IITP ({NUMBER})}}\n}}\n")


def _ris(tag: str) -> tuple[str, str]:
    return "paper.ris", (f"TY  - JOUR\nTI  - T\nAU  - Kim, Minjun\nT2  - J\nPY  - 2026\n"
                         f"{tag}  - Supported by IITP ({NUMBER})\nER  - \n")


def _wos(tag: str) -> tuple[str, str]:
    return "savedrecs.txt", (f"FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n"
                             f"AU Kim, M\nTI T\nSO J\nPY 2026\n{tag} IITP [{NUMBER}]\nER\n\nEF\n")


def _openalex(key: str, field: str) -> tuple[str, str]:
    work = {"id": "https://openalex.org/W1", "title": "T", "publication_year": 2026,
            "authorships": [], key: [{field: NUMBER}]}
    return "works.json", json.dumps({"results": [work]})


def _crossref() -> tuple[str, str]:
    work = {"DOI": "10.1/x", "title": ["T"], "issued": {"date-parts": [[2026]]},
            "funder": [{"name": "MSIT", "award": [NUMBER]}]}
    return "works.json", json.dumps({"message": {"items": [work]}})


FILES = {
    **{f"bibtex {f}": _bibtex(f) for f in ("funding", "funding-text", "acknowledgement",
                                          "acknowledgements", "note", "annote")},
    **{f"ris {t}": _ris(t) for t in ("N1", "FU", "FX")},
    **{f"wos {t}": _wos(t) for t in ("FU", "FX")},
    **{f"openalex {k}.{f}": _openalex(k, f) for k, f in (
        ("grants", "award_id"), ("awards", "funder_award_id"), ("awards", "display_name"))},
    "crossref funder.award": _crossref(),
}


@pytest.mark.parametrize("where", list(FILES))
def test_a_grant_number_in_this_field_reaches_the_grant_finder(tmp_path: Path,
                                                                 where: str) -> None:
    name, text = FILES[where]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [row] = read_publication_file(path).to_dicts()
    assert find(row["acknowledged_projects"]).numbers == FOUND


def test_the_spreadsheet_column_takes_the_acknowledgement_sentence(tmp_path: Path) -> None:
    path = tmp_path / "논문.csv"
    headers = [c.korean for c in PUBLICATIONS.columns]
    values = {"title": "T", "year": "2026", "venue": "J", "authors": "Minjun Kim",
              "acknowledged_projects": f'"정보통신기획평가원의 지원을 받아 수행된 연구임 '
                                       f'({NUMBER})"'}
    path.write_text(",".join(headers) + "\n" + ",".join(
        values.get(c.name, "") for c in PUBLICATIONS.columns) + "\n", encoding="utf-8")
    [table] = read_file(path, None)
    [row] = table.frame.to_dicts()
    assert find(row["acknowledged_projects"]).numbers == FOUND
