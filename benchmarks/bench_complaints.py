"""민원 classification on real labelled text, time-split, beside a char n-gram LinearSVC.

    .venv/bin/python -m benchmarks.bench_complaints [--corpus DIR] [--speed N]

Labelled sets (read from ``--corpus``, default ``../shared/corpus/complaints_text``; a set
whose files are absent is skipped, and the generated set always runs):

- petitions: 청와대 국민청원 (title + content), label = category (17), date = begin;
- seoul: 민주주의 서울 채택제안 (제안제목 + 제안내용, HTML stripped), label = 담당부서
  (many departments, a few proposals each), date = 제안등록일자; unlabelled rows dropped;
- generated: ``dadeum.samples.complaints.complaint_frame(2000, seed=0)``.

Each set is sorted by date; the earliest 70% train and the rest test, as an office would use
the model (learn from last year, route this year). Printed per set: accuracy and macro-F1
(over the classes present in the test part) for

- ours: ``ComplaintClassifier`` (min_confidence 0, so every text gets a class);
- baseline: TF-IDF over character 2–4-grams (char_wb, sublinear tf) + LinearSVC (C=1);
- majority: the most common training class for every test text;

and fit/predict seconds. ``--speed N`` then times training on N 민원 drawn with replacement
from the petitions, and classifying N drawn from every real text there is (petitions and
both 민주주의 서울 files, about 5,300 distinct) with the saved model, each from a cold
analyser cache; ``--speed-chars C`` cuts each text to C characters (a typical 민원 length),
``--speed-only`` skips the accuracy table. Classification is timed a second time with the
analyser's word cache filled (what a running server pays after its first call); for
``--speed 10000 --speed-chars 600`` the figures recorded before the faster counting are
printed beside.
"""

from __future__ import annotations

import argparse
import glob
import html
import io
import json
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "complaints_text"
TRAIN_SHARE = 0.7
# The same run before the n-gram counting moved to numpy (commit 32abb77, benchmarks/README.md).
BEFORE_10000_600 = (
    "train on 10,000: 108.8 s wall, 49.1 s CPU; classify 10,000: 34.0 s wall, 20.0 s CPU "
    "(recorded on a busy machine, commit 32abb77)"
)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def strip_html(text: object) -> str:
    if not isinstance(text, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def load_petitions(corpus: Path) -> pd.DataFrame | None:
    files = sorted(glob.glob(str(corpus / "bluehouse_petitions_2020" / "output" / "*.json")))
    if not files:
        return None
    rows = []
    for name in files:
        with open(name, encoding="utf-8") as handle:
            item = json.load(handle)
        rows.append((item["begin"], f"{item['title']}\n{item['content']}", item["category"]))
    return pd.DataFrame(rows, columns=["date", "text", "label"])


def load_seoul(corpus: Path) -> pd.DataFrame | None:
    path = corpus / "democracy_seoul" / "190715_민주주의 서울 채택제안 정보.xls"
    if not path.exists():
        return None
    frame = pd.read_excel(io.BytesIO(path.read_bytes()), engine="openpyxl")  # xlsx inside
    frame = frame[frame["담당부서"].notna()]
    text = frame["제안제목"].map(strip_html) + "\n" + frame["제안내용"].map(strip_html)
    return pd.DataFrame(
        {"date": frame["제안등록일자"].astype(str), "text": text, "label": frame["담당부서"]}
    )


def load_generated() -> pd.DataFrame:
    from dadeum.samples.complaints import complaint_frame

    frame = complaint_frame(2000, seed=0)
    return pd.DataFrame(
        {
            "date": frame["접수일"].astype(str),
            "text": frame["민원 내용"],
            "label": frame["담당부서"],
        }
    )


def time_split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    cut = int(len(frame) * TRAIN_SHARE)
    return frame.iloc[:cut], frame.iloc[cut:]


def scores(truth, predicted) -> tuple[float, float]:
    from sklearn.metrics import accuracy_score, f1_score

    truth, predicted = list(truth), list(predicted)
    present = sorted(set(truth))
    macro = f1_score(truth, predicted, labels=present, average="macro", zero_division=0)
    return accuracy_score(truth, predicted), macro


def baseline(train: pd.DataFrame, test: pd.DataFrame) -> list[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    model = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True), LinearSVC()
    )
    model.fit(train["text"], train["label"])
    return list(model.predict(test["text"]))


def ours(train: pd.DataFrame, test: pd.DataFrame, **options) -> tuple[list[str], float, float]:
    from dadeum.engine.complaints import ComplaintClassifier

    start = time.perf_counter()
    model = ComplaintClassifier(**options).fit(train["text"].tolist(), train["label"].tolist())
    fitted = time.perf_counter()
    predicted = model.predict(test["text"].tolist())["예측분류"].tolist()
    return predicted, fitted - start, time.perf_counter() - fitted


def run_set(name: str, frame: pd.DataFrame) -> dict:
    train, test = time_split(frame)
    majority = train["label"].value_counts().index[0]
    start = time.perf_counter()
    base = baseline(train, test)
    base_seconds = time.perf_counter() - start
    mine, fit_seconds, predict_seconds = ours(train, test)
    row = {"set": name, "train": len(train), "test": len(test),
           "classes": frame["label"].nunique()}  # fmt: skip
    for label, predicted in (("ours", mine), ("baseline", base),
                             ("majority", [majority] * len(test))):  # fmt: skip
        accuracy, macro = scores(test["label"], predicted)
        row[f"{label} acc"], row[f"{label} F1"] = round(accuracy, 3), round(macro, 3)
    row["ours fit s"], row["ours predict s"] = round(fit_seconds, 1), round(predict_seconds, 1)
    row["baseline s"] = round(base_seconds, 1)
    return row


def load_free_proposals(corpus: Path) -> list[str]:
    """민주주의 서울 자유제안 texts (unlabelled): more distinct real texts for timing."""
    path = corpus / "democracy_seoul" / "190831_민주주의 서울 자유제안 정보.xls"
    if not path.exists():
        return []
    frame = pd.read_excel(io.BytesIO(path.read_bytes()), engine="openpyxl")
    return (frame["제안제목"].map(strip_html) + "\n" + frame["제안내용"].map(strip_html)).tolist()


def speed(labelled: pd.DataFrame, pool: list[str], n: int, max_chars: int | None) -> None:
    """Train on ``n`` labelled texts and classify ``n`` texts from ``pool`` (both drawn with
    replacement), each from a cold analyser cache; wall and CPU seconds."""
    import importlib

    from dadeum.engine.complaints import ComplaintClassifier

    # The package exports the function ``analyse``, which hides the module of that name.
    analyse_module = importlib.import_module("dadeum.engine.complaints.analyse")
    rng = np.random.default_rng(0)
    cut = (lambda t: t[:max_chars]) if max_chars else (lambda t: t)
    picks = labelled.iloc[rng.integers(0, len(labelled), size=n)]
    texts, labels = [cut(t) for t in picks["text"]], picks["label"].tolist()
    new = [cut(pool[i]) for i in rng.integers(0, len(pool), size=n)]
    analyse_module._cache.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    model = ComplaintClassifier().fit(texts, labels)
    fit = time.perf_counter() - wall, time.process_time() - cpu
    saved = model.to_json()
    analyse_module._cache.clear()  # classify as a fresh process would
    wall, cpu = time.perf_counter(), time.process_time()
    ComplaintClassifier.from_json(saved).predict(new)
    predict = time.perf_counter() - wall, time.process_time() - cpu
    # Again with the analyser's word cache filled, as a running server after its first call:
    # what is left once kiwipiepy has nothing new to analyse.
    wall, cpu = time.perf_counter(), time.process_time()
    ComplaintClassifier.from_json(saved).predict(new)
    warm = time.perf_counter() - wall, time.process_time() - cpu
    size = len(saved) / 1e6
    chars = np.mean([len(t) for t in new])
    print(f"speed: train on {n:,} ({len(set(texts)):,} distinct): {fit[0]:.1f} s wall, "
          f"{fit[1]:.1f} s CPU; classify {n:,} ({len(set(new)):,} distinct, mean "
          f"{chars:,.0f} chars) with the saved model: {predict[0]:.1f} s wall, "
          f"{predict[1]:.1f} s CPU (warm cache: {warm[0]:.1f} s wall, {warm[1]:.1f} s CPU); "
          f"model file {size:.1f} MB")  # fmt: skip
    if (n, max_chars) == (10_000, 600):
        print(f"before: {BEFORE_10000_600}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--speed", type=int, default=0, metavar="N")
    parser.add_argument("--speed-chars", type=int, default=0, metavar="C",
                        help="cut each text to C characters for the speed run")  # fmt: skip
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args(argv)
    sets = {"petitions": load_petitions(args.corpus), "seoul": load_seoul(args.corpus),
            "generated": load_generated()}  # fmt: skip
    if not args.speed_only:
        rows = [run_set(name, frame) for name, frame in sets.items() if frame is not None]
        with pd.option_context("display.width", 200, "display.max_columns", 30):
            print(pd.DataFrame(rows).to_string(index=False))
    if args.speed:
        real = sets["petitions"] if sets["petitions"] is not None else sets["generated"]
        pool = real["text"].tolist() + load_free_proposals(args.corpus)
        if sets["seoul"] is not None:
            pool += sets["seoul"]["text"].tolist()
        speed(real, pool, args.speed, args.speed_chars or None)


if __name__ == "__main__":
    main()
