"""Hostile ``$...$`` formulas, real ones that must stay math, and the list made of both.

``hostile-math.md`` (next to this file) is :func:`markdown` written out, so the browser
tests (another folder) read the same list; a test keeps the two in step.
"""

from __future__ import annotations

import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIST = HERE / "hostile-math.md"
#: What the formulas try to read.
SECRET = "/etc/hostname"

#: Formulas that run, read, write, end the document or reach the page if kept as math.
HOSTILE = [
    r"\immediate\openout9=pwned.txt\immediate\write9{owned}\immediate\closeout9",
    r"\input{/etc/hostname}",
    r"\include{/etc/hostname}",
    r"\end{document}",
    r"\begin{verbatim}x\end{verbatim}",
    r"\def\x{\input{/etc/hostname}}\x",
    r"\let\x\input\x{/etc/hostname}",
    r"\newcommand{\x}{\input{/etc/hostname}}\x",
    r"\csname input\endcsname{/etc/hostname}",
    r"\expandafter\input\string{/etc/hostname}",
    r"^^5cinput{/etc/hostname}",
    r"x^^5cinput{/etc/hostname}",
    r"\catcode 92=12 x",
    r"\makeatletter\@@input /etc/hostname",
    r"\write18{touch pwned18.txt}",
    r"\openin1=/etc/hostname \read1 to\x \x",
    r"\text{\input{/etc/hostname}}",
    r"\mathrm{\input{/etc/hostname}}",
    r"\left( \input{/etc/hostname} \right)",
    r"x}\input{/etc/hostname}{",
    r"\verb|\input{/etc/hostname}|",
    r"a % b",
    r"a # b",
    r"a ~ b",
    r"a & b",
    r"\style{position:fixed;top:0;left:0;width:100vw;height:100vh;background:red}{x}",
    r"\href{javascript:alert(1)}{here}",
    r"\cssId{awesome-hostile-id}{x}",
    r"\class{awesome-papers}{x}",
    r"\unicode{x1F4A9}",
    r"\require{html}\href{javascript:alert(2)}{x}",
    r"\url{javascript:alert(3)}",
    r"\htmlClass{x}{y}",
    r"\htmlId{awesome-hostile-id2}{y}",
    r"\htmlStyle{position:fixed}{y}",
    r"\bbox[position:fixed]{x}",
    r"\color{red}{x}",
    r"\mmlToken{mi}[href='javascript:alert(4)']{x}",
    r"\rule{3000em}{3000em}",
    r"\alpha\relax",
]

#: Formulas from real lists (the reference list and the corpus): they stay math.
HARMLESS = [
    r"\text{Transformer}^2",
    r"β_2",
    r"nσ",
    r"^{\circ}",
    r"\infty",
    r"\texttt{WEAVER}",
    r"I(X_{\text{past}}; X_{\text{future}})",
    r"- \beta D_{\mathrm{KL}}\left[\pi_{\theta}(A \mid S, G) \mid \pi_{0}(A \mid S)\right]",
    r"O(n \log n)",
]

#: Text (not math) that MathJax would typeset on its own: ``\(...\)`` in a title.
TEXT_MATH = r"\(\href{javascript:alert(5)}{x}\style{position:fixed;top:0;left:0}{y}\)"


def _markdown_escape(tex: str) -> str:
    """Markdown reads ``\\`` before ASCII punctuation as an escape; double it there."""
    out = []
    for i, char in enumerate(tex):
        after = tex[i + 1:i + 2]
        out.append("\\\\" if char == "\\" and after and after in string.punctuation else char)
    return "".join(out)


def title(index: int, tex: str) -> str:
    """The title of the entry that holds formula ``index`` (as the parser gives it)."""
    return f"Formula {index:02d} ${tex}$ ends"


def markdown() -> str:
    """The list: one entry (title, arXiv id, author) per formula, hostile then harmless."""
    lines = ["# Hostile math", ""]
    number = 0
    for heading, formulas in (("Hostile", HOSTILE), ("Harmless", HARMLESS)):
        lines += [f"## {heading}", ""]
        for tex in formulas:
            number += 1
            lines += [f"- **{_markdown_escape(title(number, tex))}**, `arXiv, 2401.{number:05d}`",
                      "  *Ann Lee*"]
        lines.append("")
    number += 1
    lines += ["## Text", "",
              f"- **Text math {_markdown_escape(TEXT_MATH)} here**, `arXiv, 2401.{number:05d}`",
              "  *Ann } Lee*", ""]
    return "\n".join(lines)
