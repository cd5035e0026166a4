"""One module per directive; each has a ``setup_*`` function that registers it with the domain."""
