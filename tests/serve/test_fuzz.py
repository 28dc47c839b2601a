"""Schemathesis over ``/openapi.json``: generated requests to every GET endpoint never get a 5xx, and each
answer fits the documented status codes, content types and response schemas.  Bounded (examples per
endpoint, no shrinking) so it runs in well under a minute.

Not checked: that every schema-valid request is accepted — a cursor must come from a previous page and an
event id must exist, which a schema cannot say; those answer 422/404 in the error shape."""

from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[dev]')")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

from .helpers import assert_error  # noqa: E402

# Hypothesis drives each operation's strategy directly (not schemathesis's pytest plugin, which depends on
# pytest internals that change between pytest releases).
BOUNDS = settings(
    max_examples=25, deadline=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck)
)


def _check(case: Any) -> None:
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:500])
    if response.status_code >= 400:
        assert_error(response, response.status_code)
    case.validate_response(response, excluded_checks=[positive_data_acceptance])


def test_get_endpoints_never_answer_5xx(app: Any) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8, [op.label for op in operations]
    for op in operations:
        BOUNDS(given(case=op.as_strategy())(_check))()
