"""민원 text analysis: routing to a department, keywords and trends, repeat complaints.

Everything starts from ``analyse`` (kiwipiepy: nouns, compounds, stems, boilerplate out).
Texts or keywords shown to people are masked with the privacy engine first.
"""

from dadeum.engine.complaints.analyse import analyse, analyse_one, clean_complaint
from dadeum.engine.complaints.classify import (
    UNKNOWN,
    ComplaintClassifier,
    ModelFileError,
)

__all__ = [
    "UNKNOWN",
    "ComplaintClassifier",
    "ModelFileError",
    "analyse",
    "analyse_one",
    "clean_complaint",
]
