"""Preview stage: the draft as a live page in the browser (``charter serve``).

:mod:`~charter_cli.preview.page` builds the page (the HTML draft, the coverage
map, the findings); :mod:`~charter_cli.preview.server` serves it on localhost,
watches the library and tells the open pages to reload when it changes.
"""
