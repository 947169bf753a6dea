"""The course: one module per lesson (``lNN_<topic>.py``), each defining ``LESSON``."""

import importlib
import pkgutil

from training.model import Lesson


def all_lessons() -> list[Lesson]:
    """Every lesson, in course order."""
    lessons = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("l") and info.name[1:3].isdigit():
            lessons.append(importlib.import_module(f"{__name__}.{info.name}").LESSON)
    numbers = [lesson.number for lesson in lessons]
    if numbers != sorted(set(numbers)):
        raise ValueError(f"lesson numbers must be unique and in order: {numbers}")
    return lessons
