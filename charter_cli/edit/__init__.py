"""Edit stage: change the library's own files on the committee's behalf.

Every edit is planned first (the new text of each file it touches), checked on
the library as it would be (:func:`charter_cli.draft.analysis.analyse` with an
overlay), and only then written, all files as one (see
:mod:`charter_cli.write.transaction`), under the library's lock. Whole tables are
moved as text blocks and single keys changed with tomlkit, so every comment,
key order and line ending the committee wrote stays as it was.
"""
