"""``dadeum addin``: build the add-in's generated files (the ribbon from addin/ribbon.toml).

``dadeum addin build`` rewrites the Office.js manifest's ribbon and ribbon.js;
``dadeum addin classic --out DIR`` writes the classic Windows add-in ``DIR/Dadeum.xlam``.
"""

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "addin",
        help="추가 기능 파일 만들기 (build the add-in's generated files)",
        description="addin/ribbon.toml의 버튼 목록으로 리본 부분과 ribbon.js를 만듭니다.",
    )
    actions = parser.add_subparsers(dest="addin_command", metavar="ACTION", required=True)
    build = actions.add_parser("build", help="리본 부분 다시 만들기 (regenerate the ribbon)")
    build.set_defaults(handler=run_build)

    classic = actions.add_parser(
        "classic",
        help="클래식 엑셀(Windows)용 Dadeum.xlam 만들기 (build the classic Windows add-in)",
        description="xlwings 추가 기능 틀에 ribbon.toml의 다듬 리본과 설정(UDF Modules = udfs)을 "
        "넣어 폴더에 Dadeum.xlam을 만듭니다. VBA는 틀 그대로 복사합니다.",
    )
    classic.add_argument("--out", required=True, type=Path, help="Dadeum.xlam을 쓸 폴더")
    classic.add_argument(
        "--template",
        type=Path,
        help="틀로 쓸 .xlam (기본: addin/classic/template.xlam, 없으면 xlwings의 리본 틀)",
    )
    classic.add_argument(
        "--interpreter",
        help="사용자 PC의 Python 경로를 설정 시트에 넣습니다 (예: C:\\Dadeum\\python\\pythonw.exe)",
    )
    classic.add_argument(
        "--pythonpath", help="설정 시트의 PYTHONPATH (다듬 저장소 폴더 등, 세미콜론으로 구분)"
    )
    classic.add_argument(
        "--force", action="store_true", help="다듬이 만든 것이 아닌 Dadeum.xlam도 덮어씁니다"
    )
    classic.set_defaults(handler=run_classic)


def run_build(args) -> int:
    from dadeum.excel.ribbon import build
    from dadeum.excel.runtime import addin_dir

    changed = build(addin_dir())
    for path in changed:
        print(f"다시 만듦: {path}")
    if not changed:
        print("바뀐 것이 없습니다 (이미 최신입니다).")
    return 0


def run_classic(args) -> int:
    from dadeum.excel.ribbon import load_ribbon
    from dadeum.excel.runtime import addin_dir
    from dadeum.excel.xlam import (
        DISPATCH_MACRO,
        default_icon_folder,
        default_template,
        write_xlam,
    )

    addin = addin_dir()
    template = args.template or default_template(addin)
    settings = {}
    if args.interpreter:
        settings["Interpreter_Win"] = args.interpreter
    if args.pythonpath:
        settings["PYTHONPATH"] = args.pythonpath
    groups = load_ribbon(addin / "ribbon.toml")
    result = write_xlam(
        args.out,
        groups,
        template=template,
        settings=settings,
        icon_folder=default_icon_folder(addin),
        force=args.force,
    )
    if result.changed:
        print(f"만듦: {result.path} (틀: {result.template})")
    else:
        print(f"바뀐 것이 없습니다 (이미 최신입니다): {result.path}")
    if not result.has_dispatcher:
        print(
            f"알림: 이 틀의 VBA에는 아직 {DISPATCH_MACRO} 매크로가 없어 리본 단추가 "
            "동작하지 않습니다. README의 '클래식 엑셀(Windows) 추가 기능'에 있는 한 번만 하는 "
            "작업(RibbonDispatch.bas 가져오기, 함수 가져오기)을 엑셀에서 하세요."
        )
    return 0
