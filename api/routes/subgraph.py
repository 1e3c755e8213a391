"""Routes for subgraph (filled by the analyst API issue)."""

from fastapi import APIRouter

router = APIRouter()
