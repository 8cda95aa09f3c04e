"""The local web app (``summitry serve``): server-rendered pages and a JSON API over a store."""

from summitry.web.app import create_app

__all__ = ["create_app"]
