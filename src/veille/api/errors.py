"""One error shape for every 4xx and 5xx: ``{"error": {"code": …, "message": …}}``.

API paths answer JSON; page paths answer the same code and message as an HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from veille.errors import StoreError, VeilleError

log = logging.getLogger(__name__)

# Codes a client can branch on, by HTTP status, for errors raised by the framework.
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": code.replace("_", " ")}
    for status, code in _CODES.items()
    if status in (400, 404, 413, 422, 503)
}


def _allowed_methods(request: Request) -> list[str]:
    # Ask the router which methods would fully match this path (it may nest routers).
    return [
        method
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL
            for route in request.app.router.routes
        )
    ] or ["GET"]


class ApiError(Exception):
    """An error the API answers with on purpose: a status, a code and a message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_body(code: str, message: str) -> dict[str, Any]:
    """Build the body of an error answer."""
    return {"error": {"code": code, "message": message}}


def install(app: FastAPI, render_page_error: Any) -> None:
    """Answer every error in the one shape; ``render_page_error`` renders it for page paths."""

    def respond(request: Request, status: int, code: str, message: str, headers: Any = None) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse(error_body(code, message), status_code=status, headers=headers)
        response: Response = render_page_error(request, status, code, message)
        return response

    async def api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return respond(request, error.status, error.code, error.message, error.headers)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        code = _CODES.get(error.status_code, "error")
        message = error.detail if isinstance(error.detail, str) else code.replace("_", " ")
        headers = getattr(error, "headers", None)
        if error.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        if error.status_code == 405:
            # Starlette names only the first route's methods; list every route of this path.
            allowed = _allowed_methods(request)
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
            message = f"{request.method} is not allowed here; use {' or '.join(allowed)}"
        return respond(request, error.status_code, code, message, headers)

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        problems = []
        for item in error.errors()[:5]:
            where = ".".join(str(part) for part in item.get("loc", ()) if part != "body") or "request"
            problems.append(f"{where}: {item.get('msg', 'invalid')}")
        return respond(request, 422, "invalid_request", "; ".join(problems) or "invalid request")

    async def store_error(request: Request, error: Exception) -> Response:
        # The store missing, locked or of another version: the server is up, the data is not.
        log.error("store error on %s: %s", request.url.path, error)
        return respond(request, 503, "store_unavailable", str(error))

    async def veille_error(request: Request, error: Exception) -> Response:
        return respond(request, 400, "bad_request", str(error))

    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return respond(request, 500, "internal", "internal error: the server log has the details")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(VeilleError, veille_error)
    app.add_exception_handler(Exception, unexpected)
