"""Where the tests' inputs are in the checkout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_IDS = [seed.name[:3] for seed in SEED_FILES]  # 000 … 004: short test ids
GOLD = ROOT / "tests" / "gold"
