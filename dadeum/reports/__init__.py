"""What the ribbon buttons and the command line both write: the forecast report's tables and
chart (``forecast``, ``plots``) and the recipe a workbook carries in a hidden sheet
(``recipe``). Built on the engine; no Excel library and no server code here.
"""
