"""What runs inside the add-in server (``dadeum serve``): the request guard, sign-in and roles,
log redaction, speed-ups for xlwings Server, and the task pane's own pages.

``addin/`` wires these into xlwings Server. Nothing here imports the command line
(``dadeum.cli``); ``tests/test_architecture.py`` checks it.
"""
