"""Dadeum as an Excel add-in, outside the server: where the add-in folder is and how xlwings is
set up (``runtime``), the ribbon's generated files and icons from ``addin/ribbon.toml``
(``ribbon``, ``icons``), the classic Windows ``Dadeum.xlam`` (``xlam``) and the dispatcher its
buttons call in Excel (``classic_ribbon``).
"""
