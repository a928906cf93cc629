"""Compiling a ``references.bib`` with the real tools: LaTeX with BibTeX or biber.

A document that cites every entry, in the two forms a user writes (``\\bibliography`` for
BibTeX, biblatex for biber), and the four runs that resolve it. A missing tool skips the
test outside CI and fails it in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

#: Typed out as the document's last line: present in the log only if it ended normally.
END_MARKER = "AWESOME-PAPERS-END-OF-DOCUMENT"

_BIBTEX = r"""\documentclass{article}
\usepackage{url}
\usepackage{amsmath}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{references}
\typeout{%s}
\end{document}
"""
_BIBLATEX = r"""\documentclass{article}
\usepackage{amsmath}
\usepackage[%s]{biblatex}
\addbibresource{references.bib}
\begin{document}
\nocite{*}
\printbibliography
\typeout{%s}
\end{document}
"""


def need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    reason = f"{', '.join(missing)} not installed (Debian: texlive-latex-base, biber)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def run(cwd: Path, *command: str) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, errors="replace",
                          timeout=300, check=False)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout[-3000:]}"
    return done.stdout


def compile_bib(cwd: Path, engine: str, backend: str, *latex_flags: str,
                biblatex_options: str = "backend=biber") -> None:
    """Write ``doc.tex`` citing every entry of ``cwd/references.bib`` and compile it."""
    document = (_BIBTEX % END_MARKER if backend == "bibtex"
                else _BIBLATEX % (biblatex_options, END_MARKER))
    (cwd / "doc.tex").write_text(document)
    latex = (engine, *latex_flags, "-interaction=nonstopmode", "-halt-on-error", "doc.tex")
    run(cwd, *latex)
    run(cwd, backend, "doc")
    run(cwd, *latex)
    run(cwd, *latex)
