"""The ground floor every layer may import: settings, errors and the shared vocabulary."""
