"""Which ``$...$`` math from a list stays math: one allowlist for every output.

Lists come from strangers, and their math reaches pdflatex, BibTeX and biber (through
``references.bib``), Sphinx's LaTeX writer, MathJax and docutils' MathML writer. TeX and
MathJax both act on math: ``\\immediate\\write`` writes files, ``\\input`` reads them,
``\\end{document}`` ends the document, ``\\href{javascript:...}`` and ``\\style`` reach
the page. So a formula stays math only when every command in it is a symbol, a font or a
structure listed here, its braces, arguments and ``\\left``/``\\right`` pairs are whole,
and ``\\text{...}`` holds only text; anything else is written as text by every output.

The scanner is one pass over the characters, no regular expressions: linear time on
any input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_GREEK = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa "
    "lambda mu nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi "
    "omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
)
_OPERATORS = (
    "sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes bigodot bigvee "
    "bigwedge bigsqcup log ln lg exp sin cos tan cot sec csc sinh cosh tanh arcsin arccos "
    "arctan max min sup inf lim limsup liminf arg det dim ker deg gcd hom Pr limits nolimits"
)
_RELATIONS = (
    "leq le geq ge neq ne leqslant geqslant approx sim simeq equiv cong propto ll gg prec "
    "succ preceq succeq subset subseteq supset supseteq sqsubseteq sqsupseteq in notin ni "
    "mid nmid parallel perp models vdash dashv asymp doteq triangleq coloneqq not"
)
_BINARY = (
    "cdot times div pm mp ast star circ bullet oplus ominus otimes oslash odot cup cap "
    "sqcup sqcap wedge vee land lor neg lnot setminus wr amalg dagger ddagger"
)
_ARROWS = (
    "to gets rightarrow leftarrow leftrightarrow Rightarrow Leftarrow Leftrightarrow "
    "longrightarrow longleftarrow longleftrightarrow Longrightarrow Longleftarrow "
    "Longleftrightarrow mapsto longmapsto implies iff hookrightarrow hookleftarrow "
    "rightharpoonup rightharpoondown leftharpoonup leftharpoondown rightleftharpoons "
    "nearrow searrow swarrow nwarrow uparrow downarrow updownarrow Uparrow Downarrow "
    "Updownarrow"
)
_MISC = (
    "infty partial nabla forall exists nexists emptyset varnothing ell hbar Re Im aleph "
    "prime angle triangle top bot dots ldots cdots vdots ddots surd sharp flat natural "
    "checkmark square blacksquare diamond Box lozenge clubsuit diamondsuit heartsuit "
    "spadesuit imath jmath wp mho quad qquad displaystyle textstyle scriptstyle "
    "scriptscriptstyle"
)
#: Delimiters, as symbols and after ``\\left``, ``\\right``, ``\\middle`` and ``\\big``.
_DELIMITERS = (
    "langle rangle lfloor rfloor lceil rceil vert Vert lvert rvert lVert rVert backslash "
    "lbrace rbrace uparrow downarrow updownarrow Uparrow Downarrow Updownarrow"
)
#: One argument, read in math mode: fonts and accents.
_MATH_ARGUMENT = (
    "mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak mathnormal boldsymbol "
    "operatorname hat bar tilde vec dot ddot acute grave breve check widehat widetilde "
    "overline underline overrightarrow overleftarrow overbrace underbrace"
)
#: Two arguments, read in math mode.
_TWO_ARGUMENTS = "frac dfrac tfrac binom dbinom tbinom overset underset stackrel"
#: One braced argument, read as text: it may hold only plain text and escaped characters.
_TEXT_ARGUMENT = "text textrm textnormal textbf textit textsf texttt mbox"
_SIZED = "big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr"

_SYMBOL_WORDS = frozenset(" ".join(
    (_GREEK, _OPERATORS, _RELATIONS, _BINARY, _ARROWS, _MISC, _DELIMITERS)).split())
_DELIMITER_WORDS = frozenset(_DELIMITERS.split())
_MATH_ARGUMENT_WORDS = frozenset(_MATH_ARGUMENT.split())
_TWO_ARGUMENT_WORDS = frozenset(_TWO_ARGUMENTS.split())
_TEXT_WORDS = frozenset(_TEXT_ARGUMENT.split())
_SIZED_WORDS = frozenset(_SIZED.split())
_PAIRED_WORDS = frozenset({"left", "right", "middle"})

#: Every control word a formula may use, with its backslash.
COMMANDS: frozenset[str] = frozenset(
    "\\" + word for word in (_SYMBOL_WORDS | _MATH_ARGUMENT_WORDS | _TWO_ARGUMENT_WORDS
                             | _TEXT_WORDS | _SIZED_WORDS | _PAIRED_WORDS | {"sqrt"}))
#: Control symbols (backslash and one non-letter): spacing and escaped characters.
MATH_SYMBOLS = frozenset(",;:!| {}_%#&$")
_TEXT_SYMBOLS = frozenset(", {}_%#&$")
_DELIMITER_SYMBOLS = frozenset("{}|")
_DELIMITER_CHARS = frozenset("()[]|./<>")
# ASCII that is plain in math, and plain in text (no ligatures like ?` either).
_MATH_CHARS = frozenset("+-*/=<>()[]|,.;:!?'`@")
_TEXT_CHARS = frozenset("+-*/=()[],.;:!?'@")


def _letter(char: str) -> bool:
    return "a" <= char <= "z" or "A" <= char <= "Z"


def _plain(char: str, text: bool) -> bool:
    """A character TeX, BibTeX and MathJax all read as itself (no catcode, no markup)."""
    if char.isascii():
        return char.isalnum() or char == " " or char in (_TEXT_CHARS if text else _MATH_CHARS)
    # Letters, marks, numbers, punctuation, symbols, spaces; not format or private-use
    # characters (bidi overrides, zero-width joiners, unassigned code points).
    category = unicodedata.category(char)
    return category[0] in "LMNPS" or category == "Zs"


@dataclass(slots=True)
class _Group:
    """An open ``{`` (or ``[`` of ``\\sqrt[n]``), and what the outer level was waiting for."""

    text: bool
    owed: int
    optional: bool = False
    lefts: int = 0


class _Scan:
    """One pass over a formula; what is wrong collects in ``problems`` (first seen first)."""

    def __init__(self, tex: str) -> None:
        self.tex = tex
        self.problems: dict[str, None] = {}
        self.groups = [_Group(text=False, owed=0)]
        self.owed = 0  # arguments the last command still needs
        self.text_argument = False  # the next token must be a ``{`` that opens text
        self.delimiter = ""  # the command waiting for a delimiter (``\left``, ``\big``)
        self.optional = False  # a ``[`` now opens ``\sqrt``'s optional argument
        self.bib_depth = 0  # braces as BibTeX counts them: ``\{`` and ``\}`` too

    def bad(self, what: str) -> None:
        self.problems[what] = None

    def atom(self) -> None:
        """A character, a symbol or a closed group: one argument, if one is owed."""
        if self.text_argument:
            self.bad("\\text without {…}")
            self.text_argument = False
        if self.owed:
            self.owed -= 1

    def needs(self, count: int, what: str) -> None:
        """A command that takes arguments; it cannot itself be an unbraced argument."""
        if self.owed or self.text_argument:
            self.bad(f"{what} as an unbraced argument")
        self.owed = count

    def run(self) -> list[str]:
        tex, i = self.tex, 0
        while i < len(tex):
            char = tex[i]
            optional, self.optional = self.optional, False
            if char == "\\":
                i = self.command(i)
                continue
            i += 1
            if self.delimiter and char != " ":
                if char not in _DELIMITER_CHARS:
                    self.bad(f"{self.delimiter} without a delimiter")
                self.delimiter = ""
                continue
            if char == " ":
                self.optional = optional
            elif char == "{":
                self.open(text=self.groups[-1].text or self.text_argument)
            elif char == "}":
                self.close()
            elif char == "[" and optional:
                self.groups.append(_Group(text=False, owed=self.owed, optional=True))
                self.owed = 0
            elif char == "]" and self.groups[-1].optional:
                self.close(bracket=True)
            elif char in "^_" and not self.groups[-1].text:
                if tex.startswith("^^", i - 1):
                    self.bad("^^")
                self.needs(1, char)
            elif _plain(char, self.groups[-1].text):
                self.atom()
            else:
                self.bad(char if char.isprintable() else f"U+{ord(char):04X}")
        self.end()
        return list(self.problems)

    def command(self, start: int) -> int:
        """Read the control word or symbol at ``start``; return where the next token starts."""
        tex, end = self.tex, start + 1
        if end >= len(tex):
            self.bad("\\ at the end")
            return end
        while end < len(tex) and _letter(tex[end]):
            end += 1
        if end == start + 1:  # a control symbol: backslash and one other character
            self.symbol(tex[end])
            return end + 1
        word = tex[start + 1:end]
        # XeTeX and LuaTeX read non-ASCII letters, and LaTeX packages ``@``, as part of a name
        if end < len(tex) and (tex[end] == "@" or (
                not tex[end].isascii() and unicodedata.category(tex[end])[0] in "LM")):
            self.bad(tex[start:end + 1])
        self.word(word)
        return end

    def symbol(self, char: str) -> None:
        if char == "{":
            self.bib_depth += 1
        elif char == "}":
            self.bib_depth -= 1
            if self.bib_depth < 0:
                self.bad("unbalanced braces")
        if self.delimiter:
            if char not in _DELIMITER_SYMBOLS:
                self.bad(f"{self.delimiter} without a delimiter")
            self.delimiter = ""
        elif char in (_TEXT_SYMBOLS if self.groups[-1].text else MATH_SYMBOLS):
            self.atom()
        else:
            self.bad("\\" + char if char.isprintable() else f"\\U+{ord(char):04X}")

    def word(self, word: str) -> None:
        name = "\\" + word
        if self.groups[-1].text:
            self.bad(name)  # text inside \text{...} is plain: no commands
        elif self.delimiter:
            if word not in _DELIMITER_WORDS:
                self.bad(f"{self.delimiter} without a delimiter")
            self.delimiter = ""
        elif word in _SYMBOL_WORDS:
            self.atom()
        elif word in _MATH_ARGUMENT_WORDS:
            self.needs(1, name)
        elif word in _TWO_ARGUMENT_WORDS:
            self.needs(2, name)
        elif word == "sqrt":
            self.needs(1, name)
            self.optional = True
        elif word in _TEXT_WORDS:
            self.needs(0, name)
            self.text_argument = True
        elif word in _SIZED_WORDS or word in _PAIRED_WORDS:
            self.sized(word, name)
        else:
            self.bad(name)

    def sized(self, word: str, name: str) -> None:
        """``\\left``/``\\middle``/``\\right`` pair up within one group; all take a delimiter."""
        group = self.groups[-1]
        if word == "left":
            group.lefts += 1
        elif word in _PAIRED_WORDS:
            if not group.lefts:
                self.bad(f"{name} without \\left")
            elif word == "right":
                group.lefts -= 1
        self.needs(0, name)
        self.delimiter = name

    def open(self, *, text: bool) -> None:
        self.bib_depth += 1
        self.groups.append(_Group(text=text, owed=self.owed))
        self.owed = 0
        self.text_argument = False

    def close(self, *, bracket: bool = False) -> None:
        """``}`` (or the ``]`` of ``\\sqrt[n]``): the group is one argument outside it."""
        if self.owed or self.text_argument or self.delimiter:
            self.bad("a missing argument")
        group = self.groups.pop() if len(self.groups) > 1 else None
        if group is None or group.optional != bracket:
            self.bad("unbalanced braces")
        if group is not None and group.lefts:
            self.bad("\\left without \\right")
        if bracket:
            self.owed = group.owed if group else 0  # \sqrt[n] still needs its {x}
            return
        self.bib_depth -= 1
        if self.bib_depth < 0:
            self.bad("unbalanced braces")
        self.owed = group.owed if group else 0
        self.atom()

    def end(self) -> None:
        if self.owed or self.text_argument or self.delimiter:
            self.bad("a missing argument")
        if len(self.groups) > 1 or self.bib_depth:
            self.bad("unbalanced braces")
        if self.groups[0].lefts:
            self.bad("\\left without \\right")


def disallowed(tex: str) -> list[str]:
    """What keeps ``tex`` (a formula without its dollars) from being math, first seen first.

    Commands outside the allowlist (``\\input``), characters TeX gives a meaning
    (``#``, ``%``, ``~``, ``&``), and broken structure ("unbalanced braces",
    "a missing argument", ``\\left without \\right``); empty when the formula is safe.
    """
    if not tex or tex != tex.strip():
        return ["space at the start or end" if tex else "an empty formula"]
    return _Scan(tex).run()


@dataclass(frozen=True, slots=True)
class MathSpan:
    """One ``$...$`` formula in a text: ``text[start:end]`` with its dollars."""

    start: int
    end: int
    tex: str
    #: What makes it unsafe (see :func:`disallowed`); empty when it may be math.
    problems: tuple[str, ...]

    @property
    def safe(self) -> bool:
        return not self.problems


def _closing(text: str, start: int) -> int:
    """The next ``$`` from ``start`` that no backslash escapes, or -1."""
    i = start
    while i < len(text):
        char = text[i]
        if char == "$":
            return i
        i += 2 if char == "\\" else 1
    return -1


def math_spans(text: str) -> list[MathSpan]:
    """The ``$...$`` formulas of ``text``, safe or not, by Pandoc's rule.

    A ``$`` opens math when a non-space follows it; the next unescaped ``$`` closes it
    when a non-space precedes it and no digit follows it (so ``$5 and $10`` is text). A
    ``$`` that does not work as an opener is text, and the next one is tried.

    Linear: every opener between one scan's start and the ``$`` it found would find the
    same ``$``, so each stretch of the text is scanned once.
    """
    spans: list[MathSpan] = []
    opener = text.find("$")
    scanned_to, closer = -1, -1
    while opener >= 0:
        if opener >= scanned_to:
            closer = _closing(text, opener + 1)
            if closer < 0:
                break
            scanned_to = closer
        tex = text[opener + 1:closer]
        if (tex and not tex[0].isspace() and not tex[-1].isspace()
                and not text[closer + 1:closer + 2].isdigit()):
            spans.append(MathSpan(opener, closer + 1, tex, tuple(disallowed(tex))))
            opener = text.find("$", closer + 1)
        else:
            opener = text.find("$", opener + 1)
    return spans
