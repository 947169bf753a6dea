"""Personal data: find it, mask it, pseudonymise it (가명정보 처리 가이드라인).

Detection and masking live here (``detect``, ``mask``, ``scan_frame``); keyed pseudonyms,
generalisation and k-anonymity in their own modules.
"""

from dadeum.engine.privacy.detect import (
    PII_TYPES,
    Finding,
    find_pii_series,
    find_pii_spans,
    header_types,
    scan_texts,
)
from dadeum.engine.privacy.detect_scan import PiiRecord, records_frame, scan_frame, summary_counts
from dadeum.engine.privacy.mask import (
    mask_pii,
    mask_pii_series,
    mask_text,
    mask_value,
    masked_sample,
)

__all__ = [
    "PII_TYPES",
    "Finding",
    "PiiRecord",
    "find_pii_series",
    "find_pii_spans",
    "header_types",
    "mask_pii",
    "mask_pii_series",
    "mask_text",
    "mask_value",
    "masked_sample",
    "masked_samples",
    "records_frame",
    "scan_frame",
    "scan_texts",
    "summary_counts",
]
