"""``/docs``: Swagger UI on ``/openapi.json`` from files inside the package (``docs_static/``, vendored
from npm with its licence), with no inline script, so it works offline and under the CSP; and the
dashboard's files (``static/``: ``/`` serves ``static/index.html``, ``/static/*`` the folder)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).resolve().parent
DOCS_STATIC = HERE / "docs_static"
DASHBOARD = HERE / "static"

DOCS_HTML = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>eventwire API</title>
  <link rel="icon" href="/docs-static/favicon-32x32.png">
  <link rel="stylesheet" href="/docs-static/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs-static/swagger-ui-bundle.js"></script>
  <script src="/docs-static/eventwire-docs.js"></script>
</body>
</html>
"""

NO_DASHBOARD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>eventwire</title></head>
<body><h1>eventwire</h1><p>The dashboard's files are not installed. The API is at
<a href="/api/v1/health">/api/v1/health</a>; its documentation at <a href="/docs">/docs</a>.</p></body></html>
"""


def install(app: FastAPI) -> None:
    app.mount("/docs-static", StaticFiles(directory=DOCS_STATIC), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_HTML)

    index = DASHBOARD / "index.html"
    if DASHBOARD.is_dir():
        app.mount("/static", StaticFiles(directory=DASHBOARD), name="static")

    @app.get("/", include_in_schema=False, response_model=None)
    def dashboard() -> FileResponse | HTMLResponse:
        if index.is_file():
            return FileResponse(index, media_type="text/html")
        return HTMLResponse(NO_DASHBOARD)
