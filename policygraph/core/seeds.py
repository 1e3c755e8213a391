"""Where the five seed notices are: shipped inside the package (policygraph/seeds), so `demo` and `eval` find them
after a normal install as well as in a checkout."""

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
