"""The same ``udfs`` package as classic COM UDFs (Windows Excel with the xlwings add-in).

Classic COM hands cells over as floats (2023.0), datetimes for date cells and None for
empties; Office.js sends ints, serial numbers and "" (None after xlwings' conversion). The
COM-style calls here must give exactly what the Office.js-style calls give, which are built
with xlwings Server's own argument conversion.
"""

import datetime as dt
import inspect
import json
import keyword
import os
import subprocess
import sys
import textwrap

import pytest
from xlwings import conversion
from xlwings.pro.udfs_officejs import to_scalar

import udfs
from udfs import _excel
from udfs._excel import excel_serial, office_values

from .conftest import REPO

D = dt.datetime

# VBA keywords and statements a wrapper's name or argument must not use (import_udfs writes
# one VBA Function per UDF with the Python names as they are).
VBA_RESERVED = {
    "and", "as", "boolean", "byref", "byte", "byval", "call", "case", "close", "const",
    "currency", "date", "debug", "declare", "dim", "do", "double", "each", "else", "elseif",
    "empty", "end", "enum", "eqv", "erase", "error", "event", "exit", "false", "for",
    "friend", "function", "get", "global", "gosub", "goto", "if", "imp", "implements", "in",
    "input", "integer", "is", "let", "like", "lock", "long", "loop", "lset", "me", "mod",
    "name", "new", "next", "not", "nothing", "null", "object", "on", "open", "option",
    "optional", "or", "paramarray", "preserve", "print", "private", "property", "public",
    "raiseevent", "redim", "rem", "resume", "return", "rset", "seek", "select", "set",
    "single", "static", "step", "stop", "string", "sub", "then", "to", "true", "type",
    "typeof", "unlock", "until", "variant", "wend", "while", "with", "withevents", "write",
    "xor",
}  # fmt: skip


# --- the conversion itself -------------------------------------------------------------


@pytest.mark.parametrize(
    ("com", "office"),
    [
        (2023.0, 2023),
        (-0.0, 0),
        (12.5, 12.5),
        (1e21, 1e21),  # JSON from JavaScript writes 1e+21, a float in Python
        (True, True),
        (None, None),
        ("2023.0", "2023.0"),
        (D(2024, 3, 5), 45356),
        (dt.date(2024, 3, 5), 45356),
        (D(2024, 3, 5, 12), 45356.5),
        (D(1899, 12, 30, 6), 0.25),  # a time-only cell
        (D(1900, 1, 1), 1),  # Excel's phantom 1900-02-29 shifts the first two months
        (D(1900, 2, 28), 59),
        (D(1900, 3, 1), 61),
    ],
)
def test_office_values_turns_com_cells_into_what_office_js_sends(com, office):
    got = office_values(com)
    assert got == office and type(got) is type(office)


def test_office_values_keeps_the_shape_of_ranges():
    com = [[None, 1.0, D(2024, 1, 1)], [None, "a", 2.5]]
    assert office_values(com) == [[None, 1, 45292], [None, "a", 2.5]]
    assert office_values([1.0, 2.0]) == [1, 2]


def test_excel_serial_round_trips_with_xlwings_own_date_reader():
    import xlwings as xw

    # xlwings' reader ignores the phantom leap day, so only from 1900-03-01 on.
    for serial in (61, 45356, 45356.75, 2958465):
        assert excel_serial(xw.to_datetime(serial)) == pytest.approx(serial, abs=1e-9)


# --- every custom function: COM-style arguments give the Office.js results --------------


def _office_js_args(function, *matrices):
    """Arguments as xlwings Server hands them over for an Office.js request body."""
    info = function.__xlfunc__["args"]
    args = []
    for arg, arg_info in zip(matrices, info, strict=False):
        value = to_scalar(arg)
        if value is None:
            args.append(arg_info.get("optional"))
        else:
            args.append(conversion.read(None, value, arg_info["options"], engine_name="officejs"))
    return args


def _com_args(function, *matrices):
    """Arguments as xlwings' COM call_udf hands them over after its ``ndim`` option (which
    needs Excel to run here): rows for ndim=2, a flat list for ndim=1, else a bare value."""
    info = function.__xlfunc__["args"]
    args = []
    for arg, arg_info in zip(matrices, info, strict=False):
        ndim = arg_info["options"].get("ndim")
        if ndim == 2:
            args.append([list(row) for row in arg])
        elif ndim == 1:
            args.append([cell for row in arg for cell in row])
        else:
            args.append(arg[0][0] if len(arg) == 1 and len(arg[0]) == 1 else arg)
    return args


def _plain(result):
    """Results compared exactly, int and float kept apart (Excel shows 12 and 12.0 alike, but
    a label made from 34.0 reads "34.0")."""
    return json.dumps(result, default=str, ensure_ascii=False)


DAYS = [45292 + i for i in range(56)]  # 2024-01-01 onwards
COUNTS = [30 + (i % 7) * 3 + (i // 7) for i in range(56)]
MINWON = [["가로등이 꺼져 어둡습니다"], ["쓰레기 무단투기 단속"], ["도로 포트홀 보수 2024"]]
CASES = {
    "clean_text": (
        [[["", 12, "  다듬  어 "], [45356, "x", ""]]],
        [[[None, 12.0, "  다듬  어 "], [D(2024, 3, 5), "x", None]]],
    ),
    "to_number": (
        [[["1,234", 12, ""]], [["blank"]]],
        [[["1,234", 12.0, None]], [["blank"]]],
    ),
    "to_date": (
        [[[45356, "2024. 3. 5.", 45356.5]]],
        [[[D(2024, 3, 5), "2024. 3. 5.", D(2024, 3, 5, 12)]]],
    ),
    "to_phone": ([[[1012345678], ["02-123-4567"]]], [[[1012345678.0], ["02-123-4567"]]]),
    "check_id": ([[[1248100998]], [["사업자"]]], [[[1248100998.0]], [["사업자"]]]),
    "split_address": ([[["서울 종로구 세종대로 209"], [""]]],
                      [[["서울 종로구 세종대로 209"], [None]]]),
    "tidy": (
        [[["구분", 2023, 2024], ["가", 1, 2.5], ["나", 3, ""]]],
        [[["구분", 2023.0, 2024.0], ["가", 1.0, 2.5], ["나", 3.0, None]]],
    ),
    "unpivot": (
        [[["구분", 2023, 2024], ["가", 1, 2]], [[1]]],
        [[["구분", 2023.0, 2024.0], ["가", 1.0, 2.0]], [[1.0]]],
    ),
    "mr_check": ([[["연도", "인원"], [2023, 1], ["", 2]]],
                 [[["연도", "인원"], [2023.0, 1.0], [None, 2.0]]]),
    "find_pii": ([[["연락처"], [1012345678], [45356]]],
                 [[["연락처"], [1012345678.0], [D(2024, 3, 5)]]]),
    "mask_pii": ([[["연락처"], ["010-1234-5678"], [7]]], [[["연락처"], ["010-1234-5678"], [7.0]]]),
    "generalize": ([[[34, 41]], [["나이"]]], [[[34.0, 41.0]], [["나이"]]]),
    "k_anonymity": (
        [[["나이", "성별"], [34, "남"], [34, "남"], [41, ""]], [["나이, 성별"]]],
        [[["나이", "성별"], [34.0, "남"], [34.0, "남"], [41.0, None]], [["나이, 성별"]]],
    ),
    "count_by_period": ([[[45356], [45356], [45358]]],
                        [[[D(2024, 3, 5)], [D(2024, 3, 5)], [D(2024, 3, 7)]]]),
    "forecast_accuracy": (
        [[[d] for d in DAYS], [[c] for c in COUNTS], [[7]], [["민원"]]],
        [[[D(1899, 12, 30) + dt.timedelta(days=d)] for d in DAYS],
         [[float(c)] for c in COUNTS], [[7.0]], [["민원"]]],
    ),
    "pseudonymize": ([[[1012345678], ["a@b.kr"]], [["test"]]],
                     [[[1012345678.0], ["a@b.kr"]], [["test"]]]),
    "classify_complaints": (
        [[["가로등 고장", 12]], MINWON, [["건설과"], ["청소행정과"], ["건설과"]], [[0]]],
        [[["가로등 고장", 12.0]], MINWON, [["건설과"], ["청소행정과"], ["건설과"]], [[0.0]]],
    ),
    "complaint_keywords": (
        [MINWON, [[2]], [[45292], [45323], [45324]], [["month"]]],
        [MINWON, [[2.0]], [[D(2024, 1, 1)], [D(2024, 2, 1)], [D(2024, 2, 2)]], [["month"]]],
    ),
    "similar_complaints": ([[["가로등이 꺼졌어요"]], MINWON, [[2]]],
                           [[["가로등이 꺼졌어요"]], MINWON, [[2.0]]]),
}  # fmt: skip


def test_every_custom_function_has_a_classic_case():
    # forecast_traffic and forecast_complaints share forecast_accuracy's path through _pairs.
    assert set(udfs.__all__) - set(CASES) <= {"forecast_traffic", "forecast_complaints"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_com_style_arguments_give_the_office_js_result(name, monkeypatch, tmp_path):
    from dadeum.engine.privacy.keys import create_key

    monkeypatch.setenv("DADEUM_KEY_DIR", str(tmp_path))
    create_key("test")
    function = getattr(udfs, name)
    office_args, com_args = CASES[name]
    expected = _plain(function(*_office_js_args(function, *office_args)))

    monkeypatch.setattr(_excel, "CLASSIC_VALUES", True)
    assert _plain(function(*_com_args(function, *com_args))) == expected


def test_without_the_conversion_com_values_would_differ(monkeypatch):
    """The comparison above can fail: raw COM values change what some functions return."""
    monkeypatch.setattr(_excel, "CLASSIC_VALUES", False)
    office_args, com_args = CASES["k_anonymity"]
    office = udfs.k_anonymity(*_office_js_args(udfs.k_anonymity, *office_args))
    assert _plain(udfs.k_anonymity(*com_args)) != _plain(office)


def test_a_missing_optional_argument_is_the_default_on_com(monkeypatch):
    # xlwings' COM call_udf replaces a missing argument by the Python default, as the server.
    monkeypatch.setattr(_excel, "CLASSIC_VALUES", True)
    assert udfs.to_number([[None, "3천"]]) == [["", 3000]]


# --- what the COM decorators need of every function -------------------------------------


@pytest.mark.parametrize("name", sorted(udfs.__all__))
def test_signature_suits_the_com_wrapper(name):
    function = getattr(udfs, name)
    params = inspect.signature(function).parameters
    # xlwings' COM xlfunc rejects keyword-only arguments and gives `caller` the calling Range.
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params.values())
    assert "caller" not in params
    for word in (name, *params):
        assert word.lower() not in VBA_RESERVED and not keyword.iskeyword(word)
        assert word.isascii() and word[0].isalpha() and len(word) <= 255
    assert not function.__annotations__  # no licence-gated xw.Caller or other hints


# --- importing without xlwings Server and without a licence key ---------------------------

CHILD = textwrap.dedent(
    """
    import datetime as dt, json, os
    import xlwings as xw
    assert os.environ.get("XLWINGS_ON_SERVER") is None and not xw.__pro__
    assert not hasattr(xw, "Caller")  # licence-gated, as on a PC without a key
    import udfs
    from udfs import _excel
    assert _excel.CLASSIC_VALUES
    assert all(callable(getattr(udfs, name)) for name in udfs.__all__)
    D = dt.datetime
    out = {
        "tidy": udfs.tidy([["구분", 2023.0, 2024.0], ["가", 1.0, None]]),
        "to_date": udfs.to_date([[D(2024, 3, 5), "2024.3.5"]]),
        "k_anonymity": udfs.k_anonymity([["나이"], [34.0], [34.0]], "나이"),
        "clean_text": udfs.clean_text([[D(2024, 3, 5), 12.0, " a "]]),
    }
    print(json.dumps(out, default=str, ensure_ascii=False))
    """
)


def test_udfs_import_and_run_without_server_or_licence(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XLWINGS_") and key != "PYTHONPATH"
    }
    env.update(HOME=str(tmp_path), USERPROFILE=str(tmp_path), PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=tmp_path, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    office = {
        "tidy": udfs.tidy([["구분", 2023, 2024], ["가", 1, None]]),
        "to_date": udfs.to_date([[45356, "2024.3.5"]]),
        "k_anonymity": udfs.k_anonymity([["나이"], [34], [34]], "나이"),
        "clean_text": udfs.clean_text([[45356, 12, " a "]]),
    }
    assert got == json.loads(json.dumps(office, default=str, ensure_ascii=False))


# --- the real COM decorators and the VBA wrappers "Import Python UDFs" writes ---------------

COM_CHILD = textwrap.dedent(
    """
    import io, json, sys, types
    # Windows-only modules xlwings.udfs imports; nothing here calls into them.
    for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
        sys.modules[name] = types.ModuleType(name)
    sys.modules["pythoncom"].CoInitialize = lambda: None
    sys.modules["pywintypes"].com_error = type("com_error", (Exception,), {})
    sys.modules["win32com.client"].Dispatch = lambda *args, **kwargs: None
    sys.modules["win32com"].client = sys.modules["win32com.client"]
    import xlwings as xw
    import xlwings.udfs as com

    # What xlwings/__init__.py binds on Windows with pywin32.
    xw.func, xw.arg, xw.ret, xw.script = com.xlfunc, com.xlarg, com.xlret, com.xlsub
    import udfs
    sys.path.insert(0, sys.argv[1])
    import custom_scripts  # the ribbon scripts import too (xlsub reads their type hints)

    class AddIn:
        Name = "Dadeum.xlam"

    vba = io.StringIO()
    com.generate_vba_wrapper("udfs", udfs, vba, AddIn())
    info = {name: getattr(udfs, name).__xlfunc__ for name in udfs.__all__}
    print(json.dumps({"vba": vba.getvalue(), "info": info,
                      "tidy": udfs.tidy([["구분", 2023.0], ["가", 1.0]])},
                     default=str, ensure_ascii=False))
    """
)


def test_the_com_decorators_take_every_function_and_write_its_vba_wrapper(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    env.update(HOME=str(tmp_path), PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", COM_CHILD, str(REPO / "addin")], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    vba = out["vba"]
    for name in udfs.__all__:
        params = inspect.signature(getattr(udfs, name)).parameters.values()
        args = ", ".join(("Optional " if p.default is not p.empty else "") + p.name for p in params)
        assert f"Function {name}({args})\n" in vba
        names = ", ".join(p.name for p in params)
        # an add-in calls back with the workbook that is active, not with itself
        assert (
            f'{name} = XLPy.CallUDF("udfs", "{name}", Array({names}), ActiveWorkbook, '
            "Application.Caller)" in vba
        )
        info = out["info"][name]
        assert not info["sub"] and "\n" not in info["ret"]["doc"]
        for arg in info["args"]:
            assert len(arg["doc"]) <= 255, (name, arg["name"])  # Excel's limit per argument
    assert all(len(line) < 1024 for line in vba.splitlines())  # VBA's line limit
    assert out["tidy"] == [["구분", "2023"], ["가", 1]]
