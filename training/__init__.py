"""Dadeum's self-paced Korean course: lesson sources, the workbook builder and the grader.

Each lesson is data (``training.lessons``); ``training.builder`` turns it into an .xlsx whose
answers are checked by plain spreadsheet formulas, and ``training.checker`` grades a learner's
saved workbook with the same rules in Python.
"""
