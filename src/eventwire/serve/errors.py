"""The one error shape of the API, ``{"error": {"code", "message", "detail"}}``, for every 4xx and 5xx.

Errors of the catalogue (``eventwire.errors``) keep their code; HTTP problems get the server's E7xx codes
(unknown route E701, method E702, validation E703, malformed JSON E704, body too large E705, no token
configured E706, missing or wrong token E707, unknown id E708, too many stories E709, queue full E710,
bad cursor E712, internal error E799).  No response carries a traceback.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    DictionaryError,
    EvalError,
    EventwireError,
    InputError,
    ModelError,
    SchemaError,
    StoreError,
    error,
)

log = logging.getLogger("eventwire.serve")

# HTTP status of each code; codes not listed take their class's status (_BY_CLASS)
STATUS: dict[str, int] = {
    "E501": 503,
    "E508": 403,
    "E511": 503,
    "E512": 503,
    "E520": 422,
    "E521": 422,
    "E522": 422,
    "E700": 500,
    "E701": 404,
    "E702": 405,
    "E703": 422,
    "E704": 400,
    "E705": 413,
    "E706": 403,
    "E707": 401,
    "E708": 404,
    "E709": 413,
    "E710": 503,
    "E711": 500,
    "E712": 422,
    "E713": 500,
    "E714": 403,
    "E799": 500,
}
_BY_CLASS: tuple[tuple[type[EventwireError], int], ...] = (
    (InputError, 422),
    (ModelError, 503),
    (DictionaryError, 500),
    (SchemaError, 500),
    (StoreError, 500),
    (EvalError, 500),
)


def status_of(e: EventwireError) -> int:
    if e.code in STATUS:
        return STATUS[e.code]
    for cls, status in _BY_CLASS:
        if isinstance(e, cls):
            return status
    return 500


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail}}


def error_response(e: EventwireError, detail: Any = None, headers: dict[str, str] | None = None) -> JSONResponse:
    status = status_of(e)
    hdrs = dict(headers or {})
    if status == 401:
        hdrs.setdefault("WWW-Authenticate", 'Bearer realm="eventwire"')
    if status == 503:
        hdrs.setdefault("Retry-After", "5")
    if detail is None and e.where:
        detail = {"where": e.where}
    return JSONResponse(error_body(e.code, e.message, detail), status_code=status, headers=hdrs)


def internal_error_bytes(kind: str) -> bytes:
    e = error("E799", kind=kind)
    return json.dumps(error_body(e.code, e.message)).encode()


async def _eventwire(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EventwireError)
    if status_of(exc) >= 500 and exc.code not in ("E511", "E512", "E501", "E710"):
        log.error("%s %s: %s", request.method, request.url.path, exc)
    return error_response(exc)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 404:
        e = error("E701", method=request.method, path=request.url.path)
    elif exc.status_code == 405:
        e = error("E702", method=request.method, path=request.url.path, allowed=headers.get("Allow", "?"))
    elif exc.status_code == 400 and "parsing the body" in str(exc.detail):
        e = error("E704", detail=str(exc.detail))
    else:
        e = error("E700", detail=str(exc.detail))
        return JSONResponse(error_body(e.code, e.message), status_code=exc.status_code, headers=headers)
    return error_response(e, headers=headers)


def _problem(err: dict[str, Any]) -> dict[str, Any]:
    loc = [str(x) for x in err.get("loc", ())]
    return {"loc": loc, "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))}


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [_problem(err) for err in exc.errors()]
    bad_json = [p for p in problems if p["type"] == "json_invalid"]
    if bad_json:
        return error_response(error("E704", detail=bad_json[0]["msg"]), detail=bad_json)
    summary = "; ".join(f"{'.'.join(p['loc'][1:] or p['loc'])}: {p['msg']}" for p in problems[:5])
    return error_response(error("E703", detail=summary), detail=problems)


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape (unexpected exceptions are turned into
    E799 by the ``Guard`` middleware, which also covers errors raised outside the routes)."""
    app.add_exception_handler(EventwireError, _eventwire)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
