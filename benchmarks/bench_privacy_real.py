"""Personal-data detection on real Korean text, and on identifiers in every written form.

    .venv/bin/python -m benchmarks.bench_privacy --real [--corpus /work/shared/corpus]

Parts (each skipped when its corpus file is absent):

- 민원 names: ``privacy_name_labels.json`` (hand-labelled person names in 청와대 국민청원 texts
  and 민주주의 서울 office replies; positions only). Span-level precision and recall of 이름,
  tune and held-out halves apart (even positions tune, odd held-out, unless a text is marked
  ``"split": "tune"``), and per labelling round.
- KLUE-NER dev (CC BY-SA; used here only, never copied): 이름 against PS spans. "raw" scores
  every PS span; "2+ syllables" leaves out one-character PS spans (a surname alone, ``박씨``, or
  a letter, ``A씨``), which are not names to mask.
- LOCALDATA 영화상영관: 소재지전화 cells found as 전화번호, with and without the header.
- Statistics tables and series (``tables/``, ``series/``): ``dadeum scan`` over files that
  hold no private person's data; nearly every finding there is a false one.
- Identifiers in every form (seeded, no corpus needed): 여권 old and new, with and without a
  label, 사업자·법인등록번호 without a label, 운전면허, 외국인등록번호, 주민등록번호 and phones
  with spaces, dots, full-width digits, a line break or an invisible character. Recall, and
  how many survive MASK_PII (their hidden digits still readable in the output).
- Identifiers left in real text: phone-, 주민등록번호- and e-mail-shaped strings in every
  petition and 민주주의 서울 text before and after MASK_PII (links set aside; counts only), and
  how many lot numbers written with 번지 there are found as 주소.
- Long cells: seconds for one cell of 1,000, 10,000 and 32,767 characters.

A finding matches a labelled span when they overlap; precision = matching findings / findings,
recall = labelled spans with a matching finding / labelled spans.
"""

import html
import json
import random
import re
import time
from functools import cache
from pathlib import Path

import pandas as pd

from dadeum.engine.privacy import PII_TYPES, find_pii_series, mask_pii_series
from dadeum.engine.privacy.inventory import SHARE

LABELS = Path(__file__).with_name("privacy_name_labels.json")
# Texts before this position were labelled in the first round (with the detector's candidates
# among the cross-checks); the rest in rounds 2 to 5, by reading alone.
FIRST_ROUND = 170
# From here on: the fifth round, labelled after the detector's rules were written; its first
# figures (before any change made for it) are the best guess of accuracy on unseen text.
FIFTH_ROUND = 989
# The sixth round was labelled after this work's rules were written and scored once, to see
# how they do on text nobody had looked at.
SIXTH_ROUND = 1289
# The seventh, labelled last and scored once before any change for it (75.6% precision,
# 81.6% recall); its errors were read and some fixed afterwards.
SEVENTH_ROUND = 1589
# Rounds nine to twelve, labelled to tune on (all marked "split": "tune").
NINTH_ROUND = 1789
# The eighth, labelled before rounds nine to twelve and kept unseen: scored before and after
# the changes made for them, with none of its errors read.
EIGHTH_ROUND = 2739
# The thirteenth, 240 proposals with a person word, scored once before any change for it
# (87.3% precision, 76.4% recall); then only its even positions' errors were read.
THIRTEENTH_ROUND = 2939
# Fourteenth round: 240 more proposals with a person word, scored once before any change for it.
FOURTEENTH_ROUND = 3179
# Fifteenth round: 240 more such proposals, labelled at the end of the work and scored once.
FIFTEENTH_ROUND = 3419
# Sixteenth round: 240 more such proposals, labelled mid-work and scored once with the code
# from before that work and with the code of then, none of its errors read.
SIXTEENTH_ROUND = 3659
NAME = "이름"


def reply_text(raw: str) -> str:
    """An office reply as labelled: tags become a space, entities are unescaped."""
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def load_minwon(corpus: Path) -> list[tuple[str, str, list[tuple[int, int]]]] | None:
    """(split, text, name spans) per labelled text, or None when the corpus is absent."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    petitions = corpus / labels["sources"]["petition"]["folder"]
    replies_file = corpus / labels["sources"]["reply"]["file"]
    proposals_file = corpus / labels["sources"]["proposal"]["file"]
    if not petitions.is_dir() or not replies_file.is_file() or not proposals_file.is_file():
        return None
    by_source = {
        "reply": _html_texts(replies_file, "담당부서 의견"),
        "adopted": _html_texts(replies_file, "제안내용"),
        "proposal": _html_texts(proposals_file, "제안내용"),
    }
    out = []
    for position, item in enumerate(labels["texts"]):
        if item["source"] == "petition":
            data = json.loads((petitions / f"{item['id']}.json").read_text(encoding="utf-8"))
            text = data["content"][:1500]
        else:
            text = by_source[item["source"]][item["id"]][:1500]
        spans = [(start, start + length) for start, length in item["names"]]
        split = item.get("split") or ("tune" if position % 2 == 0 else "held-out")
        out.append((split, text, spans))
    return out


def _html_texts(path: Path, column: str) -> dict[str, str]:
    """제안번호 → cleaned text of ``column`` (a repeated number keeps its last row)."""
    frame = _sheet(path)
    return {
        str(number): reply_text(str(text))
        for number, text in zip(frame["제안번호"], frame[column], strict=True)
        if isinstance(text, str)
    }


@cache
def _sheet(path: Path) -> pd.DataFrame:
    """A 민주주의 서울 file, read once: both of its text columns are used."""
    return pd.read_excel(path, engine="openpyxl")


def span_scores(found: list[list[tuple[int, int]]], truth: list[list[tuple[int, int]]]):
    """(correct findings, findings, recalled spans, spans) over many texts."""
    correct = total = recalled = spans = 0
    for hits, gold in zip(found, truth, strict=True):
        total += len(hits)
        spans += len(gold)
        correct += sum(1 for a, b in hits if any(a < d and c < b for c, d in gold))
        recalled += sum(1 for c, d in gold if any(a < d and c < b for a, b in hits))
    return correct, total, recalled, spans


def name_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    series = find_pii_series(pd.Series(texts, dtype=object))
    return [[(f.start, f.end) for f in cell if f.type == NAME] for cell in series]


def report_minwon(corpus: Path) -> None:
    items = load_minwon(corpus)
    if items is None:
        print("민원 names: corpus not found, skipped")
        return
    start = time.perf_counter()
    found = name_spans([text for _, text, _ in items])
    seconds = time.perf_counter() - start
    chars = sum(len(text) for _, text, _ in items)
    print(f"민원 names: {len(items)} texts, {chars:,} characters, {seconds:.2f} s")
    print(f"  {'split':<12}{'names':>7}{'found':>7}{'precision':>11}{'recall':>9}")
    halves = {
        split: [i for i, item in enumerate(items) if item[0] == split]
        for split in ("tune", "held-out")
    }
    # The later rounds were labelled by reading alone, with no detector output in sight.
    later = list(range(FIRST_ROUND, min(FIFTH_ROUND, len(items))))
    fifth = list(range(FIFTH_ROUND, min(SIXTH_ROUND, len(items))))
    sixth = list(range(SIXTH_ROUND, min(SEVENTH_ROUND, len(items))))
    seventh = list(range(SEVENTH_ROUND, min(NINTH_ROUND, len(items))))
    ninth = list(range(NINTH_ROUND, min(EIGHTH_ROUND, len(items))))
    eighth = list(range(EIGHTH_ROUND, min(THIRTEENTH_ROUND, len(items))))
    thirteenth = list(range(THIRTEENTH_ROUND, min(FOURTEENTH_ROUND, len(items))))
    fourteenth = list(range(FOURTEENTH_ROUND, min(FIFTEENTH_ROUND, len(items))))
    fifteenth = list(range(FIFTEENTH_ROUND, min(SIXTEENTH_ROUND, len(items))))
    sixteenth = list(range(SIXTEENTH_ROUND, len(items)))
    groups = [
        ("tune", halves["tune"]),
        ("held-out", halves["held-out"]),
        ("all", list(range(len(items)))),
        ("rounds 2-4", later),
        ("  held-out", [i for i in later if items[i][0] == "held-out"]),
        ("round 5", fifth),
        ("  held-out", [i for i in fifth if items[i][0] == "held-out"]),
        ("round 6", sixth),
        ("round 7", seventh),
        ("rounds 9-12", ninth),
        ("round 8", eighth),
        ("round 13", thirteenth),
        ("  held-out", [i for i in thirteenth if items[i][0] == "held-out"]),
        ("round 14", fourteenth),
        ("  held-out", [i for i in fourteenth if items[i][0] == "held-out"]),
        ("round 15", fifteenth),
        ("  held-out", [i for i in fifteenth if items[i][0] == "held-out"]),
        ("round 16", sixteenth),
        ("  held-out", [i for i in sixteenth if items[i][0] == "held-out"]),
    ]
    for split, chosen in groups:
        c, t, r, s = span_scores([found[i] for i in chosen], [items[i][2] for i in chosen])
        print(f"  {split:<12}{s:>7}{t:>7}{_ratio(c, t):>11}{_ratio(r, s):>9}")


def load_klue(corpus: Path) -> list[tuple[str, list[tuple[int, int]]]] | None:
    path = corpus / "pii/klue_ner/klue-ner-v1.1_dev.tsv"
    if not path.is_file():
        return None
    sentences, chars, tags = [], [], []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        if line.startswith("##"):
            continue
        if not line.strip("\n"):
            if chars:
                sentences.append(("".join(chars), _ps_spans(tags)))
            chars, tags = [], []
            continue
        char, _, tag = line.rpartition("\t")
        chars.append(char or " ")
        tags.append(tag)
    return sentences


def _ps_spans(tags: list[str]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != "I-PS":
            spans.append((start, i))
            start = None
        if tag == "B-PS":
            start = i
    return spans


def report_klue(corpus: Path) -> None:
    sentences = load_klue(corpus)
    if sentences is None:
        print("KLUE-NER: corpus not found, skipped")
        return
    texts = [text for text, _ in sentences]
    start = time.perf_counter()
    found = name_spans(texts)
    seconds = time.perf_counter() - start
    print(f"KLUE-NER dev: {len(texts):,} sentences, {seconds:.2f} s")
    print(f"  {'PS spans':<16}{'spans':>7}{'found':>7}{'precision':>11}{'recall':>9}")
    for label, keep in (("raw", lambda a, b: True), ("2+ syllables", lambda a, b: b - a >= 2)):
        gold = [[(a, b) for a, b in spans if keep(a, b)] for _, spans in sentences]
        c, t, r, s = span_scores(found, gold)
        if label != "raw":  # a finding on a surname-only PS span is neither right nor wrong
            short = [[(a, b) for a, b in spans if not keep(a, b)] for _, spans in sentences]
            ignored = sum(
                1
                for hits, g, sh in zip(found, gold, short, strict=True)
                for a, b in hits
                if not any(a < d and c_ < b for c_, d in g)
                and any(a < d and c_ < b for c_, d in sh)
            )
            t -= ignored
        print(f"  {label:<16}{s:>7}{t:>7}{_ratio(c, t):>11}{_ratio(r, s):>9}")


def report_localdata(corpus: Path) -> None:
    path = corpus / "pii/localdata_cinemas/03_13_02_P.csv"
    if not path.is_file():
        print("LOCALDATA: corpus not found, skipped")
        return
    frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
    phones = frame["소재지전화"].dropna()
    phones = phones[phones.str.strip() != ""]
    for header in ("소재지전화", None):
        found = find_pii_series(phones, header=header)
        share = sum(1 for cell in found if any(f.type == "전화번호" for f in cell)) / len(phones)
        print(f"LOCALDATA 소재지전화 ({len(phones):,} cells), header {header!r}: {share:.1%} found")
    # Addresses as registered (지번 and 도로명), read without their header; and the columns
    # that hold no one's personal data (사업장명, 업태, 날짜, 좌표): every finding there is a
    # false one.
    for column in ("소재지전체주소", "도로명전체주소"):
        cells = frame[column].dropna()
        cells = cells[cells.str.strip() != ""]
        found = find_pii_series(cells)
        share = sum(1 for cell in found if any(f.type == "주소" for f in cell)) / len(cells)
        print(f"LOCALDATA {column} ({len(cells):,} cells), no header: {share:.1%} found as 주소")
    clean = ["사업장명", "업태구분명", "인허가일자", "최종수정시점", "좌표정보(X)", "좌표정보(Y)"]
    cells = total = 0
    kinds: dict[str, int] = {}
    for column in clean:
        values = frame[column].dropna()
        values = values[values.str.strip() != ""]
        cells += len(values)
        for cell in find_pii_series(values, header=column):
            for finding in cell:
                total += 1
                kinds[finding.type] = kinds.get(finding.type, 0) + 1
    listed = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none"
    print(f"LOCALDATA columns with no personal data ({cells:,} cells): {total} flagged ({listed})")


def report_tables(corpus: Path) -> None:
    """The corpus's statistics tables and series (KOSIS, 서울 열린데이터, TAAS, 주민등록 인구통계
    …) hold no private person's data: nearly every finding ``dadeum scan`` makes there is a
    false one (title rows, 행정구역코드, 동 names, repeated words; one agency's inquiry e-mail
    address is real). Counts per type over every sheet."""
    from dadeum.cli.inventory import inventory, office_files

    files = [
        path
        for folder in ("tables", "series")
        if (corpus / folder).is_dir()
        for path in office_files(corpus / folder)
    ]
    if not files:
        print("statistics tables: corpus not found, skipped")
        return
    started = time.perf_counter()
    frame = inventory(files, corpus)
    seconds = time.perf_counter() - started
    kinds = {
        kind: int(pd.to_numeric(frame[kind], errors="coerce").sum())
        for kind in PII_TYPES
        if kind in frame.columns
    }
    kinds = {kind: count for kind, count in kinds.items() if count}
    files_flagged = int((frame["판정"] != SHARE).sum())
    listed = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none"
    print(
        f"statistics tables and series ({len(files)} files, {seconds:.1f} s): "
        f"{sum(kinds.values())} findings ({listed}); "
        f"{files_flagged} files not to share as they are"
    )


# --- identifiers in every form ----------------------------------------------------------


def _rrn(rng: random.Random, foreign: bool = False) -> str:
    front = f"{rng.randint(60, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    # Born 1960-1999: gender digit 1/2 (citizens) or 5/6 (foreigners).
    body = front + rng.choice("56" if foreign else "12") + f"{rng.randint(0, 99999):05d}"
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    check = (13 - total % 11) % 10 if foreign else (11 - total % 11) % 10
    return body + str(check)


def _brn(rng: random.Random) -> str:
    body = f"{rng.randint(101, 899)}{rng.randint(1, 99):02d}{rng.randint(0, 9999):04d}"
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True)) + int(body[8]) * 5 // 10
    return body + str((10 - total % 10) % 10)


def _crn(rng: random.Random) -> str:
    body = f"{rng.choice(['110111', '134811', '284211'])}{rng.randint(0, 999999):06d}"
    total = sum(int(d) * w for d, w in zip(body, [1, 2] * 6, strict=True))
    return body + str((10 - total % 10) % 10)


def _spell(digits: str, groups: tuple[int, ...], style: str) -> str:
    parts, at = [], 0
    for size in groups:
        parts.append(digits[at : at + size])
        at += size
    if style == "dash":
        return "-".join(parts)
    if style == "space":
        return " ".join(parts)
    if style == "dot":
        return ".".join(parts)
    if style == "plain":
        return "".join(parts)
    if style == "full":
        return "-".join(parts).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if style == "break":
        return "-".join(parts[:-1]) + "-\n" + parts[-1]
    if style == "zwsp":
        return "\u200b-".join(parts)
    raise ValueError(style)


STYLES = ("dash", "space", "dot", "plain", "full", "break", "zwsp")
LICENCE_REGIONS = ("11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22")


def identifier_items(seed: int = 0, per_kind: int = 40) -> list[tuple[str, str, str, str]]:
    """(type, text, value as written, secret digits) for planted identifiers in sentences."""
    rng = random.Random(seed)
    items = []
    for _ in range(per_kind):
        style = rng.choice(STYLES)
        rrn = _rrn(rng)
        items.append(
            ("주민등록번호", "신청인 주민번호는 {} 입니다.", _spell(rrn, (6, 7), style), rrn[7:])
        )
        frn = _rrn(rng, foreign=True)
        items.append(
            ("외국인등록번호", "외국인등록번호 {} 확인", _spell(frn, (6, 7), style), frn[7:])
        )
        brn = _brn(rng)
        items.append(
            ("사업자등록번호", "거래처 {}의 세금계산서", _spell(brn, (3, 2, 5), style), brn[3:])
        )
        crn = _crn(rng)
        items.append(("법인등록번호", "법인등록번호: {}", _spell(crn, (6, 7), style), crn[6:]))
        lic = rng.choice(LICENCE_REGIONS) + f"{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}"
        lic += f"{rng.randint(0, 99):02d}"
        items.append(
            ("운전면허번호", "운전면허 {} 조회", _spell(lic, (2, 2, 6, 2), style), lic[4:10])
        )
        phone = f"010{rng.randint(2000, 9999)}{rng.randint(0, 9999):04d}"
        items.append(("전화번호", "연락처 {}로 회신", _spell(phone, (3, 4, 4), style), phone[3:7]))
        letter = rng.choice("MSROD")
        if rng.random() < 0.5:
            passport = f"{letter}{rng.randint(0, 99999999):08d}"
        else:
            middle = rng.choice("ABCDEFGH")
            passport = f"{letter}{rng.randint(0, 999):03d}{middle}{rng.randint(0, 9999):04d}"
        template = rng.choice(["여권번호 {} (유효)", "출국자 여권: {}", "{} 소지자 출국 확인"])
        items.append(("여권번호", template, passport, passport[5:]))
    return items


def report_identifiers(seed: int = 0) -> None:
    items = identifier_items(seed)
    texts = [template.format(value) for _, template, value, _ in items]
    found = find_pii_series(pd.Series(texts, dtype=object))
    masked = mask_pii_series(pd.Series(texts, dtype=object)).tolist()
    rows: dict[str, list[int]] = {}
    for (kind, template, value, secret), _text, cell, out in zip(
        items, texts, found, masked, strict=True
    ):
        start = template.index("{}")
        span = (start, start + len(value))
        hit = any(f.start < span[1] and span[0] < f.end for f in cell)
        digits = re.sub(r"\D", "", out.translate({0xFF10 + i: str(i) for i in range(10)}))
        survived = secret in digits
        counts = rows.setdefault(kind, [0, 0, 0])
        counts[0] += 1
        counts[1] += hit
        counts[2] += survived
    print(f"identifiers in every form (seed {seed}): {', '.join(STYLES)}")
    print(f"  {'type':<10}{'planted':>9}{'recall':>9}{'survive MASK_PII':>18}")
    for kind, (planted, hits, survived) in rows.items():
        print(f"  {kind:<10}{planted:>9}{_ratio(hits, planted):>9}{survived:>18}")


def report_long_cells() -> None:
    sentence = "민원인 홍길동 주무관에게 010-1234-5678로 연락 바랍니다. 공영주차장 문의 건. "
    print(f"  {'one cell of':<14}{'seconds':>9}")
    for size in (1_000, 10_000, 32_767):
        text = (sentence * (size // len(sentence) + 1))[:size]
        start = time.perf_counter()
        find_pii_series(pd.Series([text], dtype=object))
        print(f"  {size:>8,} chars{time.perf_counter() - start:>9.2f}")


def bench_inventory(files: int = 300, seed: int = 0) -> None:
    """Files per second of the folder inventory (``dadeum scan FOLDER``) over a generated
    folder of small office files: CSV lists, Excel sheets and Word documents, in subfolders."""
    import tempfile
    import zipfile

    import openpyxl

    from dadeum.cli.inventory import inventory, office_files

    rng = random.Random(seed)
    word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number in range(files):
            sub = root / f"부서{number % 7}" / f"{2020 + number % 5}"
            sub.mkdir(parents=True, exist_ok=True)
            rows = [
                [f"김민{rng.choice('수준호우')}", _spell(_rrn(rng), (6, 7), "dash"),
                 f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}", "공영주차장 민원"]
                for _ in range(40)
            ]  # fmt: skip
            kind = number % 3
            if kind == 0:
                frame = pd.DataFrame(rows, columns=["성명", "주민등록번호", "연락처", "내용"])
                frame.to_csv(sub / f"명단{number}.csv", index=False, encoding="utf-8-sig")
            elif kind == 1:
                book = openpyxl.Workbook()
                book.active.append(["성명", "주민등록번호", "연락처", "내용"])
                for row in rows:
                    book.active.append(row)
                book.save(sub / f"대장{number}.xlsx")
            else:
                body = "".join(
                    f"<w:p><w:r><w:t>담당자 {row[0]} 주무관, 연락처 {row[2]}. {row[3]}</w:t>"
                    "</w:r></w:p>"
                    for row in rows
                )
                xml = f'<w:document xmlns:w="{word}"><w:body>{body}</w:body></w:document>'
                with zipfile.ZipFile(sub / f"답변{number}.docx", "w") as package:
                    package.writestr("word/document.xml", xml)
        paths = office_files(root)
        start, cpu = time.perf_counter(), time.process_time()
        frame = inventory(paths, root)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"folder inventory: {len(frame):,} files (csv, xlsx, docx; 40 rows or paragraphs each), "
        f"{seconds:.1f} s, CPU {cpu:.1f} s, {len(frame) / seconds:,.1f} files/s"
    )


def report_survivors(corpus: Path) -> None:
    """Identifier-shaped strings (phones, 주민등록번호, e-mail) left in every real 민원 text
    after MASK_PII, links set aside (article numbers in URLs are not personal data). Counts
    only: no value is printed."""
    folder = corpus / "complaints_text"
    petitions = folder / "bluehouse_petitions_2020/output"
    adopted = folder / "democracy_seoul/190715_민주주의 서울 채택제안 정보.xls"
    proposals = folder / "democracy_seoul/190831_민주주의 서울 자유제안 정보.xls"
    if not petitions.is_dir() or not adopted.is_file() or not proposals.is_file():
        print("identifiers left in real text: corpus not found, skipped")
        return
    texts = [
        json.loads(path.read_text(encoding="utf-8"))["content"]
        for path in sorted(petitions.glob("*.json"))
    ]
    for path, column in (
        (proposals, "제안내용"),
        (adopted, "제안내용"),
        (adopted, "담당부서 의견"),
    ):
        texts += list(_html_texts(path, column).values())
    before = sum(len(_IDENTIFIER_SHAPE.findall(_without_links(text))) for text in texts)
    masked = mask_pii_series(pd.Series(texts, dtype=object))
    after = sum(len(_IDENTIFIER_SHAPE.findall(_without_links(text))) for text in masked)
    print(
        f"identifiers left in real text ({len(texts):,} 민원 texts): "
        f"{before} identifier-shaped strings before MASK_PII, {after} after"
    )
    # Lot numbers with 번지 (방배동 2909번지), as citizens write their own address.
    lots = [(text, m.span()) for text in texts for m in _LOT.finditer(text)]
    found = find_pii_series(pd.Series([text for text, _ in lots], dtype=object))
    hits = sum(
        any(f.type == "주소" and f.start < end and start < f.end for f in cell)
        for (_, (start, end)), cell in zip(lots, found, strict=True)
    )
    print(f"lot numbers with 번지 in the same texts: {len(lots)}, found as 주소: {hits}")


_IDENTIFIER_SHAPE = re.compile(
    r"(?<!\d)(?:0\d{1,2}[-. )]{0,2}\d{3,4}[-. ]?\d{4}|\d{6}\s?[-–]\s?[1-8]\d{6})(?!\d)"
    r"|[\w.+-]+@[\w-]+\.[\w.]+"
)
_LOT = re.compile(r"[가-힣]{1,8}(?:동|리|가)\s?\d{1,5}(?:-\d{1,5})?\s?번지")
_LINK = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|net|org|kr|jp|go\.kr)/\S*")


def _without_links(text: str) -> str:
    return _LINK.sub(" ", text)


def main(corpus: Path) -> None:
    print(f"real text from {corpus}")
    report_minwon(corpus)
    report_klue(corpus)
    report_localdata(corpus)
    report_tables(corpus)
    report_survivors(corpus)
    report_identifiers(seed=0)  # the forms tuned against
    report_identifiers(seed=1)  # held out
    print("long cells (the superlinear check):")
    report_long_cells()


def _ratio(part: int, whole: int) -> str:
    return "-" if not whole else f"{part / whole:.1%}"
