"""Routes for documents (filled by the analyst API issue)."""

from fastapi import APIRouter

router = APIRouter()
