"""One date format per language, used by every page, list and export (FORMAT_MODULE_PATH).

Spanish (Mexico) reads day/month/year; English gets the month as a word, so a date is never
ambiguous to a reader of either language. Long and short formats are the same on purpose:
one product, one way of writing a date.
"""
