"""schemathesis against the API's own OpenAPI spec, over real HTTP: no operation may answer a server error.

Driven through its Python API (one Hypothesis run per operation) rather than its pytest plugin, whose fixture
loader does not run under this pytest version.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

EXAMPLES_PER_OPERATION = 30  # the normal suite's; the reliability suite runs twice as many


def assert_no_server_error(api: Any, examples_per_operation: int) -> None:
    """Every operation of the spec `api` (an httpx client) serves, `examples_per_operation` generated cases each."""
    schema = schemathesis.openapi.from_url(f"{api.base_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 2
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=examples_per_operation, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def no_server_error(case: Any) -> None:
            case.call_and_validate(checks=[not_a_server_error])

        no_server_error()
