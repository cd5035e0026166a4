extensions = ["myst_parser", "careerkb.sphinxext"]
# The tests point careerkb_data_dir at tests/fixtures/minimal through confoverrides.
html_theme = "basic"
