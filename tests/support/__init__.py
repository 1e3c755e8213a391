"""What the test modules share: paths, the session's engines, helpers and fixtures. A test module imports from here,
never from another test module or from a conftest.py (pytest imports those itself)."""
