"""Log filters: a refusal is an expected answer, worth one line, not a traceback."""

import logging


class RefusalsOnOneLine(logging.Filter):
    """Django logs a PermissionDenied (403) with its traceback; keep the line, drop the trace.

    Server errors (5xx) keep their traceback: those are the ones someone must read.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403 and record.exc_info:
            record.exc_info = None
            record.exc_text = None
        return True
