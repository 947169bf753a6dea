"""Sign-in providers xlwings Server loads from the project folder (see dadeum.server.auth)."""
