"""Placeholder router: filled in by the analyst-toolkit work (issue 9)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
