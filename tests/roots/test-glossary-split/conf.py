extensions = ["myst_parser", "careerkb.sphinxext"]
careerkb_data_dir = "data"
# Six terms, so that a glossary of more than three is split into pages of letters.
careerkb_glossary_split_at = 3
careerkb_today = "2026-06-01"
