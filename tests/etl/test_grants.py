"""Grant numbers are found in acknowledgements as papers really print them.

The table below is acknowledgement text written the way Korean and English papers print it, each
with the canonical numbers it must yield (twins merged into one grant), its shares and its
malformed numbers. Property tests check that text around a number never invents or loses one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.grants import canonical, find, find_in, normalise, scheme_of, twin_of

IITP_EN = ("This work was supported by Institute of Information & communications Technology "
           "Planning & Evaluation (IITP) grant funded by the Korea government (MSIT)")
IITP_KO = ("이 논문은 정부(과학기술정보통신부)의 재원으로 정보통신기획평가원의 지원을 받아 "
           "수행된 연구임")

#: (text, grants in order (twins as one), shares by number, malformed)
SENTENCES: list[tuple[str, list[str], dict[str, float], list[str]]] = [
    (f"{IITP_EN} (No. RS-2024-00397085, Generative AI Leading Talent Nurturing Project)",
     ["RS-2024-00397085"], {}, []),
    (f"{IITP_KO} (No. RS-2024-00360227, 생성AI 선도인재 양성사업)", ["RS-2024-00360227"], {}, []),
    ("This research was supported by the MSIT, Korea, under the Generative AI Leading Talent "
     "support program (IITP-2026-RS-2024-00397085) supervised by the IITP.",
     ["RS-2024-00397085"], {}, []),
    ("본 연구는 과학기술정보통신부 및 정보통신기획평가원의 생성AI 선도인재양성 사업의 연구결과로 "
     "수행되었음 (IITP-2025-RS-2024-00360227)", ["RS-2024-00360227"], {}, []),
    (f"{IITP_EN} (No. 2022-0-00077 / RS-2022-II220077, AI Technology Development)",
     ["RS-2022-II220077"], {}, []),
    (f"{IITP_EN} (No.2021-0-01341, Artificial Intelligence Graduate School Program (Chung-Ang "
     "University))", ["2021-0-01341"], {}, []),
    ("Supported by IITP grant (No.2021-0- 01341) funded by MSIT.", ["2021-0-01341"], {}, []),
    (f"{IITP_EN} (No. RS-2024-00397085, 50%; No. RS-2022-II220077, 50%)",
     ["RS-2024-00397085", "RS-2022-II220077"],
     {"RS-2024-00397085": 50.0, "RS-2022-II220077": 50.0}, []),
    (f"{IITP_KO} (No. RS-2025-25442149, 기여율 60%), (No. RS-2024-00360227, 기여율 40%)",
     ["RS-2025-25442149", "RS-2024-00360227"],
     {"RS-2025-25442149": 60.0, "RS-2024-00360227": 40.0}, []),
    ("(No. RS-2024-00397085 &amp; RS-2025-25441313)", ["RS-2024-00397085", "RS-2025-25441313"],
     {}, []),
    ("grants RS-2024-00397085 & RS-2025-25441313 and RS-2024-00360227",
     ["RS-2024-00397085", "RS-2025-25441313", "RS-2024-00360227"], {}, []),
    ("Nos. RS-2024-00397085, RS-2024-00360227; RS-2025-25442149 / RS-2025-25441313",
     ["RS-2024-00397085", "RS-2024-00360227", "RS-2025-25442149", "RS-2025-25441313"], {}, []),
    ("supported by the IITP grant funded by the Korea government (MSIT) (No. RS-2024-\n"
     "00397085)", ["RS-2024-00397085"], {}, []),
    ("(No. RS-2024-0039\n7085, Development of foundation models)", ["RS-2024-00397085"], {}, []),
    ("(No. RS-2024-\r\n    00360227)", ["RS-2024-00360227"], {}, []),
    ("supported by IITP (No. RS-202400436936)", ["RS-2024-00436936"], {}, []),
    ("under grant RS–2024–00397085 (en dashes)", ["RS-2024-00397085"], {}, []),
    ("grant RS—2024—00360227 and RS−2025−25442149 (em dash, minus)",
     ["RS-2024-00360227", "RS-2025-25442149"], {}, []),
    ("과제번호 ＲＳ－２０２４－００３９７０８５ (전각)", ["RS-2024-00397085"], {}, []),
    ("grant RS - 2024 - 00397085 with stray spaces", ["RS-2024-00397085"], {}, []),
    ("This work was supported by the National Research Foundation of Korea (NRF) grant funded by "
     "the Korea government (MSIT) (No. 2021R1A2C3008370).", ["2021R1A2C3008370"], {}, []),
    ("NRF (NRF-2019M3E4A1080146) and KISTI supercomputer (KSC-2022-CRE-0312)",
     ["2019M3E4A1080146"], {}, []),
    ("한국연구재단 기초연구사업 (2020R1A6A1A03040570) 및 (RS-2023-NR076833)",
     ["2020R1A6A1A03040570", "RS-2023-NR076833"], {}, []),
    ("Supported by the NTIS project 1711152445 of the Ministry of Science and ICT.",
     ["1711152445"], {}, []),
    ("과제고유번호 1711201001, 1711201002 (기여율 30%)", ["1711201001", "1711201002"],
     {"1711201002": 30.0}, []),
    ("KISTI National Supercomputing Center with supercomputing resources (KSC-2022-CRE-0312) "
     "only", [], {}, []),
    ("Thanks to our colleagues for helpful discussions.", [], {}, []),
    ("본 연구는 과학기술정보통신부의 지원을 받아 수행되었습니다.", [], {}, []),
    ("IITP grant (No. RS-2024-003970851) funded by MSIT", [], {}, ["RS-2024-003970851"]),
    ("IITP grant (No. 2021-0-0134) funded by MSIT", [], {}, ["2021-0-0134"]),
    ("(No. RS-2022-II22007, RS-2024-00397085)", ["RS-2024-00397085"], {}, ["RS-2022-II22007"]),
    ("(No. IITP-2021-0-01341) Artificial Intelligence Innovation Hub", ["2021-0-01341"], {}, []),
    ("(2019-0-00075-001, Artificial Intelligence Graduate School Program (KAIST))",
     ["2019-0-00075"], {}, []),
    ("(No. 2019-0-00075, RS-2019-II190075, 50%) and (No. RS-2024-00397085, 50%)",
     ["RS-2019-II190075", "RS-2024-00397085"],
     {"RS-2019-II190075": 50.0, "RS-2024-00397085": 50.0}, []),
    ("RS-2022-II220077 (2022-0-00077) 및 RS-2024-00360227", ["RS-2022-II220077",
                                                            "RS-2024-00360227"], {}, []),
    ("This work was partly supported by IITP grant funded by the Korea government(MSIT) "
     "(No.RS-2020-II201361, Artificial Intelligence Graduate School Program (Yonsei University)) "
     "and (No. RS-2024-00397085, Generative AI Leading Talent Nurturing Project)",
     ["RS-2020-II201361", "RS-2024-00397085"], {}, []),
    ("Funding: Institute of Information &amp;amp; Communications Technology Planning &amp;amp; "
     "Evaluation, RS-2024-00360227", ["RS-2024-00360227"], {}, []),
    ("정보통신기획평가원 과제 (RS-2025-25442149, 기여율: 50 %)", ["RS-2025-25442149"],
     {"RS-2025-25442149": 50.0}, []),
    ("contribution rate 70% is not a number's share here; grant RS-2025-25441313",
     ["RS-2025-25441313"], {}, []),
    ("Project no. rs-2024-00397085 in lower case", ["RS-2024-00397085"], {}, []),
    ("funded by MSIT (RS 2024-00360227)", ["RS-2024-00360227"], {}, []),
    ("(No. RS-2024-00397085) (No. RS-2024-00397085) repeated", ["RS-2024-00397085"], {}, []),
    ("years 2021-2024, phone 02-1234-5678, DOI 10.1000/182, ISBN 978-89-1234-567-8", [], {}, []),
    ("This work was supported by the Institute of Information & Communications Technology "
     "Planning & Evaluation (IITP) under the Leading Generative AI Human Resources Development "
     "(IITP-2026-RS-2024-00397085) grant funded by the Korea government (MSIT).",
     ["RS-2024-00397085"], {}, []),
]


def test_the_table_has_at_least_forty_sentences() -> None:
    assert len(SENTENCES) >= 40


@pytest.mark.parametrize(("text", "numbers", "shares", "malformed"), SENTENCES,
                         ids=[s[0][:40] for s in SENTENCES])
def test_every_acknowledgement_yields_exactly_its_grant_numbers(
        text: str, numbers: list[str], shares: dict[str, float], malformed: list[str]) -> None:
    found = find(text)
    assert [g.number for g in found.grants] == numbers
    assert {g.number: g.share_pct for g in found.grants if g.share_pct is not None} == shares
    assert list(found.malformed) == malformed


def test_a_legacy_number_and_its_rs_twin_are_one_grant_that_remembers_both() -> None:
    found = find("(No. 2022-0-00077 / RS-2022-II220077)")
    assert len(found.grants) == 1
    assert found.grants[0].twin == "2022-0-00077"
    assert found.numbers == ("RS-2022-II220077", "2022-0-00077")
    assert twin_of("2022-0-00077") == "RS-2022-II220077"
    assert twin_of("2022-0-10077") is None, "only serials below 10000 follow the pattern"


def test_ids_that_are_not_grants_are_recognised_and_never_counted() -> None:
    found = find("supercomputer KSC-2022-CRE-0312 and grant RS-2024-00397085")
    assert found.other_ids == ("KSC-2022-CRE-0312",)
    assert found.numbers == ("RS-2024-00397085",)


def test_one_value_is_written_in_canonical_form_or_refused() -> None:
    assert canonical("NRF-2019M3E4A1080146") == "2019M3E4A1080146"
    assert canonical(" rs-202400360227 ") == "RS-2024-00360227"
    assert canonical("1711201001") == "1711201001"
    assert canonical("RS-2024-0036022") is None
    assert canonical("1711201001; 1711201002") is None
    assert scheme_of("RS-2022-II220077") == "rs_iitp"
    assert scheme_of("2021-0-01341") == "iitp_legacy"


def test_several_fields_are_searched_as_one_text() -> None:
    assert find_in([None, "", "RS-2024-00397085", "(No. 1711201001)"]).numbers == (
        "RS-2024-00397085", "1711201001")


def test_normalising_undoes_entities_dashes_and_broken_lines() -> None:
    assert normalise("A &amp; B") == "A & B"
    assert normalise("RS\u20132024\u201300397085") == "RS-2024-00397085"
    assert "RS-2024-00397085" in normalise("RS-2024-0039\n7085")


GRANT_NUMBERS = st.sampled_from([
    "RS-2024-00397085", "RS-2024-00360227", "RS-2025-25442149", "RS-2025-25441313",
    "RS-2022-II220077", "RS-2023-NR076833", "2021-0-01341", "2021R1A2C3008370",
    "2019M3E4A1080146", "1711152445"])
#: words and punctuation that surround numbers in acknowledgements
FILLER = st.lists(st.sampled_from([
    "This work was supported by", "IITP", "(No.", ")", ",", ";", "&", "and", "/", "및",
    "정보통신기획평가원의 지원을 받아 수행된 연구임", "MSIT", "Korea government", "grant",
    "funded by", "(", "기여율", "KSC-2022-CRE-0312", "2024", "Project", "과제번호:", "\n"]),
    max_size=6).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(FILLER, GRANT_NUMBERS), min_size=1, max_size=4), FILLER)
def test_surrounding_text_never_invents_or_loses_a_number(
        pieces: list[tuple[str, str]], tail: str) -> None:
    text = " ".join(f"{before} {number}" for before, number in pieces) + " " + tail
    wanted = list(dict.fromkeys(number for _, number in pieces))
    assert list(find(text).numbers) == wanted


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 가나다()-,;.&%\n")), max_size=60))
def test_text_without_digits_holds_no_grant(text: str) -> None:
    assert find(text).numbers == ()
