"""``dadeum training``: build the Korean training workbooks and grade a learner's copy."""

import json
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "training",
        help="학습 통합 문서 만들기·채점 (build and grade the training workbooks)",
        description="다듬 학습 과정의 엑셀 통합 문서를 만들고, 학습자가 저장한 파일을 채점합니다.",
    )
    actions = parser.add_subparsers(dest="training_command", metavar="ACTION", required=True)

    build = actions.add_parser("build", help="학습 통합 문서 만들기 (build the workbooks)")
    build.add_argument(
        "--out", metavar="DIR", default="workbooks", help="저장할 폴더 (기본: ./workbooks)"
    )
    build.add_argument(
        "--solved",
        action="store_true",
        help="모든 답을 채운 풀이본을 만듭니다 (파일 이름 끝 _풀이)",
    )
    build.set_defaults(handler=run_build)

    check = actions.add_parser("check", help="학습자 통합 문서 채점 (grade a learner's workbook)")
    check.add_argument("file", metavar="FILE", help="학습자가 저장한 .xlsx 파일")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.set_defaults(handler=run_check)

    listing = actions.add_parser("list", help="과정 목록 (list the lessons)")
    listing.set_defaults(handler=run_list)


def run_build(args) -> int:
    from training.builder import build_all
    from training.lessons import all_lessons

    for path in build_all(all_lessons(), Path(args.out), solved=args.solved):
        print(f"만듦: {path}")
    return 0


def run_check(args) -> int:
    from training.checker import format_grade, grade

    result = grade(Path(args.file))
    if args.format == "json":
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_grade(result))
    return 0


def run_list(args) -> int:
    from training.lessons import all_lessons

    for lesson in all_lessons():
        functions = ", ".join(sorted(lesson.functions())) or "-"
        print(
            f"{lesson.number:>2}. {lesson.title} (약 {lesson.minutes}분, {len(lesson.steps)}단계)"
        )
        print(f"    파일: {lesson.file_name}")
        print(f"    다듬 함수: {functions}")
    return 0
