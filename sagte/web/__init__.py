"""The web interface: pages and a REST API over a sagte database (`sagte serve`)."""

from sagte.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
