"""The function catalogue: every custom function by its Excel name, read from the ``@xw.func``
metadata of this package. ``dadeum functions`` prints it; the task pane lists it."""


def catalogue() -> list[dict]:
    """One entry per custom function: Excel name, Python name, summary, arguments."""
    from dadeum.excel.runtime import prepare_xlwings

    prepare_xlwings()  # before xlwings is imported: otherwise the decorators record nothing
    import udfs
    from udfs._excel import summary

    entries = []
    for name in sorted(udfs.__all__):
        function = getattr(udfs, name)
        xlfunc = function.__xlfunc__
        entries.append(
            {
                "excel_name": xlfunc["name"].upper(),
                "python_name": name,
                "summary": summary(function),
                "arguments": [
                    {"name": arg["name"], "doc": arg.get("doc") or ""} for arg in xlfunc["args"]
                ],
            }
        )
    return entries
