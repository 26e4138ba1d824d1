"""The web UI and HTTP API (``boardpapers serve``): FastAPI routes over the same library
calls the CLI makes (search.py, browse.py, catalog.py, the store)."""
