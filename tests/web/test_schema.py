"""Property-based tests of the REST API against its own OpenAPI description (schemathesis).

For every operation, schemathesis generates requests from /openapi.json, valid
ones and invalid ones, and checks that no response is a server error and that
every response matches its documented status codes, content types and schema.
(schemathesis' pytest plugin does not run under pytest 9, so the Hypothesis test
is driven here directly.)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sagte.web import create_app

OPERATIONS = [
    ("GET", "/api/statements"),
    ("GET", "/api/statements/{statement_id}"),
    ("GET", "/api/speakers"),
    ("GET", "/api/speakers/{speaker_id}"),
    ("GET", "/api/articles"),
    ("POST", "/api/articles"),
    ("GET", "/api/articles/{article_id}"),
    ("GET", "/api/stories"),
    ("GET", "/api/stories/{story_id}"),
    ("GET", "/api/outlets"),  # no parameters: only valid requests exist
    ("GET", "/api/export/statements.csv"),
    ("GET", "/api/export/statements.jsonl"),
]


@pytest.fixture(scope="module")
def api_schema(web_db: Path) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(web_db))


def test_schema_lists_every_operation(api_schema: Any) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


# A schema-valid request may still be refused for what no schema can express: a search
# with no words in it, or a cursor not made by the server. Those answers are 400
# with one of these codes; any other refusal of valid data fails the test.
SEMANTIC_REFUSALS = {"S016", "S017", "S018", "S019", "S020"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_schema_api_answers_generated_requests_without_5xx(
    api_schema: Any, method: str, path: str, mode: GenerationMode
) -> None:
    if mode == GenerationMode.NEGATIVE and path == "/api/outlets":
        pytest.skip("no parameters, so no invalid request can be generated")
    operation = api_schema[path][method]
    # SAGTE_SCHEMA_EXAMPLES=500 for a deeper run than the suite's few minutes allow.
    examples = int(os.environ.get("SAGTE_SCHEMA_EXAMPLES", 25))

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case: Any) -> None:
        response = case.call()
        assert response.status_code < 500, response.text
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
        if mode == GenerationMode.POSITIVE and 400 <= response.status_code < 500:
            if response.status_code in (401, 403, 404):
                return  # no token configured; an id that does not exist
            code = response.json()["error"]["code"]
            assert code in SEMANTIC_REFUSALS, response.text

    run()
