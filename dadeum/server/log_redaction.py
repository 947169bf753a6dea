"""Keep cell values out of the add-in server's logs.

xlwings Server logs the message of every error it returns, and Dadeum's messages quote the
cell they are about ("전화번호 자릿수가 맞지 않습니다: 010-12…") so that the user can see what
went wrong. The user gets the message in Excel; the log keeps only the error's kind.
"""

import logging

# Loggers of xlwings Server that log exception messages.
_LOGGERS = ("xlwings_server.main", "xlwings_server.routers.xlwings")


class RedactErrors(logging.Filter):
    """Replace the text of error records (which may quote a cell) with the error's kind."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            kind = type(record.msg).__name__ if isinstance(record.msg, BaseException) else "오류"
            record.msg = (
                f"{kind}: 사용자에게 보낸 메시지는 셀 값이 들어 있을 수 있어 기록하지 않습니다"
            )
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def install_log_redaction() -> None:
    """Add the filter once to every xlwings Server logger that logs error messages."""
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactErrors) for f in logger.filters):
            logger.addFilter(RedactErrors())
