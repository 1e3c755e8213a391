"""Routes for cypher_console (filled by the analyst API issue)."""

from fastapi import APIRouter

router = APIRouter()
