# A project with a directive of its own, built on careerkb's base class: a view and a node step,
# and no code about dependencies. The tests point careerkb_data_dir at a copy of the minimal data.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
extensions = ["myst_parser", "careerkb.sphinxext", "toy"]
html_theme = "basic"
