"""The write token: compared in constant time; none configured → writes are disabled (403)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..errors import error

bearer = HTTPBearer(auto_error=False, description="The server's token (--token-file or EVENTWIRE_TOKEN).")


def check_token(token: str | None, creds: HTTPAuthorizationCredentials | None) -> None:
    """Raise E706 (403) when the server has no token, E707 (401) when the request's is missing or wrong."""
    if not token:
        raise error("E706")
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise error("E707", detail="missing token")
    if not hmac.compare_digest(creds.credentials.encode("utf-8"), token.encode("utf-8")):
        raise error("E707", detail="wrong token")


def require_token(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """A dependency of the write endpoints: it runs before the body is validated."""
    settings = request.app.state.ew.settings
    if settings.parquet:
        raise error("E714", path=settings.db_path)
    check_token(request.app.state.ew.settings.token, creds)
