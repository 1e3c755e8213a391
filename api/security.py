"""The API key that guards writes: `X-API-Key`, compared in constant time with POLICYGRAPH_API_KEY.

No key configured means writes are off (503, saying how to turn them on), and so does a key too short to be a
secret: a server never accepts writes behind a guessable key. A missing or wrong key is a 401.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import HTTPException, Security
from fastapi.security import APIKeyHeader

from policygraph.api.deps import SettingsDep

HEADER = "X-API-Key"
MIN_KEY_LENGTH = 16

api_key_header = APIKeyHeader(
    name=HEADER,
    auto_error=False,
    scheme_name="APIKey",
    description="The server's POLICYGRAPH_API_KEY; required for uploads.",
)


def require_api_key(settings: SettingsDep, given: Annotated[str | None, Security(api_key_header)]) -> None:
    """Pass when the request carries the configured key; 503 when writes are off, 401 otherwise."""
    configured = settings.api_key
    if not configured:
        raise HTTPException(
            503, "writes through the API are disabled on this server: set POLICYGRAPH_API_KEY to enable them"
        )
    if len(configured) < MIN_KEY_LENGTH:
        raise HTTPException(
            503,
            f"writes through the API are disabled: POLICYGRAPH_API_KEY is {len(configured)} characters long; "
            f"set POLICYGRAPH_API_KEY to a secret of at least {MIN_KEY_LENGTH}",
        )
    # Compared as UTF-8 bytes: compare_digest refuses non-ASCII str, and a header may carry any latin-1 text.
    if given is None or not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise HTTPException(401, f"missing or wrong API key: send the server's key in the {HEADER} header",
                            headers={"WWW-Authenticate": "APIKey"})  # fmt: skip
