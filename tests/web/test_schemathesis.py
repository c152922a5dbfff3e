"""Schemathesis against the app's own OpenAPI schema: generated requests never get a 5xx,
and every answer matches what the schema documents.

Bounded so that the whole run stays well under two minutes: a few dozen examples per
operation, on a copy of the example store (POST /api/articles writes to it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from veille.api.config import ServerConfig  # noqa: E402
from veille.web.app import create_app  # noqa: E402

EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def api_schema(store_copy: Path) -> Any:
    app = create_app(ServerConfig(db_path=store_copy))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_server_error(case: Any) -> None:
    # No 5xx, and every answer (errors included) has a documented status, content type and shape.
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
