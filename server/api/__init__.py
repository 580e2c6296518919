"""The HTTP API of protocol v1 (Litestar, served by uvicorn): ``server.api.app.create_app``.

Nothing is imported here, so the admin command line can use the rate-limit settings
without loading Litestar.
"""
