"""Project additions xlwings Server loads from the project folder (``routers/custom.py``)."""
