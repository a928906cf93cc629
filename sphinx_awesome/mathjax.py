"""MathJax's second wall: the safe extension, without the TeX that reaches the page.

A title's math reaches MathJax only when :mod:`awesome_papers.mathsafe` allows it. This
is defence in depth, for math that would get there another way: MathJax also typesets
``\\(...\\)`` it finds in a page's text, and a list's text is a stranger's. So, merged into
the user's own MathJax configuration:

- the safe extension filters URLs, classes, ids and styles (``ui/safe`` in MathJax 3
  and 4, ``Safe.js`` in MathJax 2);
- ``\\href``, ``\\style``, ``\\class``, ``\\cssId`` and ``\\unicode`` are gone (the
  ``html`` and ``unicode`` TeX packages, and ``\\require`` that would load them);
- text inside tables, bibliographies and citations is not searched for math; their
  ``math`` elements (the allowed formulas) still are.

Sphinx writes one configuration per MathJax version; the one in use is told from
``mathjax_path`` and from which ``mathjax*_config`` the user set.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Our elements whose text MathJax must not search for ``\(...\)``.
IGNORED_CLASSES = ("awesome-papers", "awesome-bibliography", "awesome-cite", "awesome-bibtex")
#: TeX packages that put attributes, links or arbitrary characters on the page.
DISABLED_PACKAGES = ("html", "unicode", "require")
# MathJax 2 has no packages to drop: these macros replace the HTML and unicode ones (user
# macros win over extensions there) and keep only the math argument.
_V2_MACROS = {"href": ["{#2}", 2], "class": ["{#2}", 2], "style": ["{#2}", 2],
              "cssId": ["{#2}", 2], "unicode": ["{}", 2, ""]}


def _classes(current: object, default: str, *extra: str) -> str:
    """A MathJax class pattern (``a|b``) with ``extra`` alternatives added."""
    names = str(current or default).split("|")
    return "|".join([*names, *(name for name in extra if name not in names)])


def _object(parent: dict[str, Any], key: str) -> dict[str, Any]:
    """``parent[key]`` as a dict of its own (a copy), created when missing."""
    value = parent.get(key)
    copied: dict[str, Any] = dict(value) if isinstance(value, dict) else {}
    parent[key] = copied
    return copied


def safe_config_v3(user: dict[str, Any] | None) -> dict[str, Any]:
    """The user's MathJax 3/4 configuration with the safe settings merged in."""
    merged = copy.deepcopy(user or {})
    loader = _object(merged, "loader")
    loader["load"] = [*(load := list(loader.get("load", []))),
                      *(["ui/safe"] if "ui/safe" not in load else [])]
    tex = _object(merged, "tex")
    packages = tex.get("packages")
    if isinstance(packages, list):  # a full list replaces MathJax's defaults
        tex["packages"] = [name for name in packages if name not in DISABLED_PACKAGES]
    else:
        packages = _object(tex, "packages")
        packages["[+]"] = [n for n in packages.get("[+]", []) if n not in DISABLED_PACKAGES]
        removed = list(packages.get("[-]", []))
        packages["[-]"] = [*removed, *(n for n in DISABLED_PACKAGES if n not in removed)]
    autoload = _object(tex, "autoload")
    autoload.update({"html": [], "unicode": []})
    options = _object(merged, "options")
    options["ignoreHtmlClass"] = _classes(options.get("ignoreHtmlClass"), "mathjax_ignore",
                                          *IGNORED_CLASSES)
    options["processHtmlClass"] = _classes(options.get("processHtmlClass"), "mathjax_process",
                                           "math")
    return merged


def safe_config_v2(user: dict[str, Any] | None) -> dict[str, Any]:
    """The user's MathJax 2 configuration with the safe settings merged in."""
    merged = copy.deepcopy(user or {})
    merged["extensions"] = [*(ext := list(merged.get("extensions", []))),
                            *(["Safe.js"] if "Safe.js" not in ext else [])]
    safe = _object(merged, "Safe")
    _object(safe, "allow")["require"] = "none"
    macros = _object(_object(merged, "TeX"), "Macros")
    macros.update(copy.deepcopy(_V2_MACROS))
    tex2jax = _object(merged, "tex2jax")
    tex2jax["ignoreClass"] = _classes(tex2jax.get("ignoreClass"), "tex2jax_ignore",
                                      *IGNORED_CLASSES)
    tex2jax["processClass"] = _classes(tex2jax.get("processClass"), "tex2jax_process", "math")
    return merged


def _major(config: Config) -> int:
    """Which MathJax the pages load: 2, 3 or 4 (Sphinx's default)."""
    path = str(config.mathjax_path)
    if config.mathjax2_config or "MathJax.js" in path:
        return 2
    if "mathjax@3" in path or "/mathjax/3" in path or (
            config.mathjax3_config is not None and config.mathjax4_config is None):
        return 3
    return 4


def configure_mathjax(app: Sphinx, config: Config) -> None:
    """``config-inited``: merge the safe settings into the configuration MathJax reads."""
    if "mathjax_path" not in config:  # no HTML builder loaded sphinx.ext.mathjax
        return
    major = _major(config)
    if major == 2:
        config.mathjax2_config = safe_config_v2(config.mathjax2_config)
    else:
        name = f"mathjax{major}_config"
        setattr(config, name, safe_config_v3(getattr(config, name)))
