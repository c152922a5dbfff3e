"""The REST API and the web pages in one FastAPI app (the ``web`` extra): ``veille serve``.

``veille.web.app.create_app(ServerConfig(...))`` builds the app; the API reads the store through
``veille.store.queries`` and ``veille.store.browse``, as the CLI does.
"""
