"""Models xlwings Server takes from the project folder instead of its own."""
