"""The explorer's HTML pages (filled by the visualisation issue). Each renders the dict its JSON twin returns."""

from fastapi import APIRouter

router = APIRouter()
