"""``awesome-papers add``: a paper added to a list in the style its section already uses.

:mod:`.metadata` finds the paper (the arXiv cache, else the arXiv API); :mod:`.names`
learns and writes the section's author lists; :mod:`.template` turns the section's
entries into item templates and picks the most common; :mod:`.listfile` finds where the
section's last entry ends and inserts the new item, keeping the file's bytes; and
:mod:`.command` is the subcommand.
"""
