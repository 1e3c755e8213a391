"""China in the plane: an Albers equal-area conic (the projection of China's national maps: standard parallels 25°N
and 47°N, central meridian 105°E), then scaled to a fixed canvas. Pure numpy, so no pyproj and no PROJ data.

Areas stay comparable across the country (a choropleth colours areas, so a projection that swells the north would
overstate it). Coordinates are canvas units: 1,000 wide for the mainland, y growing downwards as in SVG.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

LAT1, LAT2, LON0, LAT0 = 25.0, 47.0, 105.0, 0.0
CANVAS_WIDTH = 1000.0

_PHI1, _PHI2 = np.radians(LAT1), np.radians(LAT2)
_N = (np.sin(_PHI1) + np.sin(_PHI2)) / 2
_C = np.cos(_PHI1) ** 2 + 2 * _N * np.sin(_PHI1)
_RHO0 = np.sqrt(_C - 2 * _N * np.sin(np.radians(LAT0))) / _N


def albers(lonlat: NDArray[np.float64]) -> NDArray[np.float64]:
    """(lon, lat) degrees, shape (n, 2) → (x, y) on the unit sphere's Albers plane, y north-up."""
    lam = np.radians(lonlat[:, 0] - LON0)
    rho = np.sqrt(_C - 2 * _N * np.sin(np.radians(lonlat[:, 1]))) / _N
    theta = _N * lam
    return np.column_stack((rho * np.sin(theta), _RHO0 - rho * np.cos(theta)))


@dataclass(frozen=True)
class Frame:
    """Projected bounds → canvas: x from the left edge, y from the top, one scale for both."""

    min_x: float
    max_y: float
    scale: float

    @classmethod
    def around(cls, bounds: tuple[float, float, float, float]) -> Frame:
        """The frame that maps projected bounds (min_x, min_y, max_x, max_y) onto CANVAS_WIDTH."""
        min_x, _, max_x, max_y = bounds
        return cls(min_x, max_y, CANVAS_WIDTH / (max_x - min_x))

    def canvas(self, lonlat: NDArray[np.float64]) -> NDArray[np.float64]:
        xy = albers(lonlat)
        return np.column_stack(((xy[:, 0] - self.min_x) * self.scale, (self.max_y - xy[:, 1]) * self.scale))
