"""schemathesis against the API's own OpenAPI spec, over real HTTP, on both engines: zero server errors."""

from __future__ import annotations

from typing import Any

from tests.support.schemathesis_run import EXAMPLES_PER_OPERATION, assert_no_server_error


def test_no_operation_answers_a_server_error(api: Any) -> None:
    assert_no_server_error(api, EXAMPLES_PER_OPERATION)
