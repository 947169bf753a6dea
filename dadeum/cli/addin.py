"""``dadeum addin``: build the add-in's generated files (the ribbon from addin/ribbon.toml)."""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "addin",
        help="추가 기능 파일 만들기 (build the add-in's generated files)",
        description="addin/ribbon.toml의 버튼 목록으로 리본 부분과 ribbon.js를 만듭니다.",
    )
    actions = parser.add_subparsers(dest="addin_command", metavar="ACTION", required=True)
    build = actions.add_parser("build", help="리본 부분 다시 만들기 (regenerate the ribbon)")
    build.set_defaults(handler=run_build)


def run_build(args) -> int:
    from dadeum.addin_build import build
    from dadeum.excel_runtime import addin_dir

    changed = build(addin_dir())
    for path in changed:
        print(f"다시 만듦: {path}")
    if not changed:
        print("바뀐 것이 없습니다 (이미 최신입니다).")
    return 0
