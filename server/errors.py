"""Expected failures of the server, each with the protocol's error code.

The API answers every one of them as an ``ErrorBody`` (``server.api.errors`` picks the
HTTP status); the admin command line prints the message. Messages are English, short,
and never carry a token, a code or anything a citizen typed.
"""

from __future__ import annotations

from wire.protocol import ErrorCode


class ServerError(Exception):
    """A failure the caller can act on; anything else raised is a bug."""

    code: ErrorCode = "server_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message[:200]


class BadRequestError(ServerError):
    code = "bad_request"


class UnauthorisedError(ServerError):
    code = "unauthorised"


class ForbiddenError(ServerError):
    code = "forbidden"


class NotFoundError(ServerError):
    code = "not_found"


class CodeUsedError(ServerError):
    """An enrolment code that is unknown, already used or expired (the kiosk cannot tell)."""

    code = "code_used"


class TooLargeError(ServerError):
    code = "too_large"


class ExhaustedError(ServerError):
    code = "exhausted"


class KioskNumberTakenError(ServerError):
    """Another live kiosk of the centre has the ``kiosk_number`` a kiosk enrols with."""

    code = "kiosk_number_taken"


class RateLimitedError(ServerError):
    code = "rate_limited"

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"too many requests; retry in {retry_after_s} s")
        self.retry_after_s = retry_after_s


class PublishError(ServerError):
    """A catalogue or form the admin tried to publish cannot be published as it is."""

    code = "bad_request"
