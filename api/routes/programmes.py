"""Routes for programmes (filled by the analyst API issue)."""

from fastapi import APIRouter

router = APIRouter()
