"""The project's own exceptions.

Every error a user can cause or meet carries a one-line message that says what went wrong and what to do;
the CLI prints that line and exits non-zero, the API turns it into a status code. No stack traces for users.

A message may be a catalogue entry (core/i18n.py): `NotFound(N_("no notice has the key %(key)r"), values={"key": k})`.
`str(error)` is then the English sentence (the CLI, logs and tests read it), and the API says `msgid` in the reader's
language with the same `values` (api/errors.py `message_of`).
"""

from collections.abc import Mapping

from policygraph.core.i18n import N_


class PolicyGraphError(Exception):
    """Base of every error PolicyGraph reports to a user."""

    msgid: str | None = None
    values: Mapping[str, object] = {}


class BadInput(PolicyGraphError):
    """The user asked for something wrong: a value refused, a key that names nothing, a file that cannot be read.
    Their mistake, not the server's: the API answers it with a 4xx status (api/errors.py is the one place that
    decides which), the CLI with one line. `parameter` names the value at fault, when one does."""

    def __init__(
        self, message: str, *, parameter: str | None = None, values: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(message % values if values else message)
        self.parameter = parameter
        self.msgid = message
        self.values = dict(values or {})


class NotFound(BadInput):
    """A key or name that no node of the graph has."""


# "level is one of national, provincial, …, not 'x'": one message for every refused choice.
ONE_OF = N_("%(name)s is one of %(choices)s, not %(value)r")


class InvalidParameter(BadInput, ValueError):
    """A parameter's value is refused: malformed, out of range, or naming nothing that could exist (an unknown region).
    A ValueError too, so that a pydantic validator may raise it. `value`, when given, is the value refused."""

    parameter: str

    def __init__(self, parameter: str, message: str, value: object = None,
                 values: Mapping[str, object] | None = None) -> None:  # fmt: skip
        super().__init__(message, parameter=parameter, values=values)
        self.value = value


class InputError(BadInput):
    """A file that cannot be read or understood. The message names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(PolicyGraphError):
    """Something went wrong talking to a graph engine."""


class EngineUnavailable(StoreError):
    """The engine cannot be reached or started."""


class EngineNotReady(EngineUnavailable):
    """The engine is starting but does not answer yet."""


class AuthenticationFailed(StoreError):
    """The engine refused our credentials."""


class QueryTimeout(StoreError):
    """A query ran longer than its time limit."""


class QueryTooLarge(StoreError):
    """A query needed more memory than the engine allows one transaction (Neo4j's dbms.memory.transaction.*)."""


class ConstraintViolation(StoreError):
    """A write would break a uniqueness constraint."""


class BadQuery(StoreError):
    """The engine rejected a query: syntax, unknown function, wrong parameter type, a write in a read-only call."""
