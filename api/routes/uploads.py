"""Routes for uploads (filled by the analyst API issue)."""

from fastapi import APIRouter

router = APIRouter()
