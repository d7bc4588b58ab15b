"""API bodies arrive without control characters (see core.text): every parser an endpoint
declares is wrapped by `OrganizationViewSet.get_parsers`."""

from rest_framework.parsers import DataAndFiles

from ..text import clean_input


class CleanTextParser:
    """Runs the wrapped parser, then removes control characters from every string parsed."""

    def __init__(self, parser):
        self.parser = parser
        self.media_type = parser.media_type

    def __getattr__(self, name):
        return getattr(self.parser, name)

    def parse(self, stream, media_type=None, parser_context=None):
        parsed = self.parser.parse(stream, media_type, parser_context)
        if isinstance(parsed, DataAndFiles):
            return DataAndFiles(clean_input(parsed.data), parsed.files)
        return clean_input(parsed)
