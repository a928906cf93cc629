"""The words readers see around the papers (column headers, the browser script's controls),
in every language the project ships.

One catalogue for both engines: Sphinx's ``language`` and the MkDocs theme's
``language`` (or ``locale``) name the language, :func:`pick` turns that setting into
one of :data:`CATALOGUES`' codes, the table headers are written in it, and the words
the browser script needs travel with each table's JSON
(:func:`~awesome_papers.nodes.table_json`), so the script holds no words of its own.

A message is text, or, when it holds a count, one text per CLDR plural category of the
language (``"one"``, ``"many"``, ``"other"``): the browser picks the category with
``Intl.PluralRules``, from the same CLDR data. Placeholders are ``{name}``; every
language's text of a message has the same ones as English's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Text, or text per CLDR plural category.
Message = str | dict[str, str]


@dataclass(frozen=True)
class Catalogue:
    """One language's messages, and the plural categories its counted messages give."""

    #: The BCP 47 language subtag: what ``Intl.PluralRules`` and ``lang`` take.
    code: str
    #: The CLDR cardinal plural categories of the language: each plural message has a text
    #: for each of them, and for no other.
    plurals: tuple[str, ...]
    messages: Mapping[str, Message]


#: The messages the browser script uses; they go into each table's JSON.
BROWSER = ("search", "search.placeholder", "column.year", "column.section", "toggle.star",
           "toggle.code", "clear", "count", "bibtex", "bibtex.label", "copy", "copy.label",
           "copied", "copy.select")

_NBSP = "\u00a0"  # French puts a no-break space before ":"

CATALOGUES: dict[str, Catalogue] = {c.code: c for c in [
    Catalogue("en", ("one", "other"), {
        "column.title": "Title", "column.authors": "Authors", "column.year": "Year",
        "column.venue": "Venue", "column.section": "Section", "column.kind": "Kind",
        "column.code": "Code", "column.links": "Links", "column.description": "Description",
        "column.citations": "Citations", "column.key": "Key", "column.arxiv": "arXiv",
        "search": "Search",
        "search.placeholder": "Title, authors, description",
        "toggle.star": "🌟 only",
        "toggle.code": "Has code",
        "clear": "Clear",
        "count": {"one": "Showing {shown} paper of {total}",
                  "other": "Showing {shown} papers of {total}"},
        "bibtex": "BibTeX",
        "bibtex.label": "BibTeX for {title}",
        "copy": "Copy",
        "copy.label": "Copy BibTeX of {key}",
        "copied": "Copied",
        "copy.select": "Selected: press Ctrl+C to copy",
    }),
    Catalogue("zh", ("other",), {
        "column.title": "标题", "column.authors": "作者", "column.year": "年份",
        "column.venue": "发表于", "column.section": "分类", "column.kind": "类型",
        "column.code": "代码", "column.links": "链接", "column.description": "简介",
        "column.citations": "引用数", "column.key": "引用键", "column.arxiv": "arXiv",
        "search": "搜索",
        "search.placeholder": "标题、作者、简介",
        "toggle.star": "仅 🌟",
        "toggle.code": "有代码",
        "clear": "清除",
        "count": {"other": "显示 {shown} 篇，共 {total} 篇"},
        "bibtex": "BibTeX",
        "bibtex.label": "{title} 的 BibTeX",
        "copy": "复制",
        "copy.label": "复制 {key} 的 BibTeX",
        "copied": "已复制",
        "copy.select": "已选中：按 Ctrl+C 复制",
    }),
    Catalogue("ja", ("other",), {
        "column.title": "タイトル", "column.authors": "著者", "column.year": "年",
        "column.venue": "発表先", "column.section": "セクション", "column.kind": "種類",
        "column.code": "コード", "column.links": "リンク", "column.description": "説明",
        "column.citations": "被引用数", "column.key": "キー", "column.arxiv": "arXiv",
        "search": "検索",
        "search.placeholder": "タイトル、著者、説明",
        "toggle.star": "🌟 のみ",
        "toggle.code": "コードあり",
        "clear": "クリア",
        "count": {"other": "{total} 件中 {shown} 件を表示"},
        "bibtex": "BibTeX",
        "bibtex.label": "{title} の BibTeX",
        "copy": "コピー",
        "copy.label": "{key} の BibTeX をコピー",
        "copied": "コピーしました",
        "copy.select": "選択しました：Ctrl+C でコピーできます",
    }),
    Catalogue("de", ("one", "other"), {
        "column.title": "Titel", "column.authors": "Autoren", "column.year": "Jahr",
        "column.venue": "Erschienen in", "column.section": "Abschnitt", "column.kind": "Art",
        "column.code": "Code", "column.links": "Links", "column.description": "Beschreibung",
        "column.citations": "Zitationen", "column.key": "Schlüssel", "column.arxiv": "arXiv",
        "search": "Suche",
        "search.placeholder": "Titel, Autoren, Beschreibung",
        "toggle.star": "Nur 🌟",
        "toggle.code": "Mit Code",
        "clear": "Zurücksetzen",
        "count": {"one": "{shown} Publikation von {total} angezeigt",
                  "other": "{shown} Publikationen von {total} angezeigt"},
        "bibtex": "BibTeX",
        "bibtex.label": "BibTeX für {title}",
        "copy": "Kopieren",
        "copy.label": "BibTeX von {key} kopieren",
        "copied": "Kopiert",
        "copy.select": "Markiert: zum Kopieren Strg+C drücken",
    }),
    # "many" is CLDR's category for exact millions: "1 000 000 d'articles".
    Catalogue("fr", ("one", "many", "other"), {
        "column.title": "Titre", "column.authors": "Auteurs", "column.year": "Année",
        "column.venue": "Publié dans", "column.section": "Section", "column.kind": "Type",
        "column.code": "Code", "column.links": "Liens", "column.description": "Description",
        "column.citations": "Citations", "column.key": "Clé", "column.arxiv": "arXiv",
        "search": "Rechercher",
        "search.placeholder": "Titre, auteurs, description",
        "toggle.star": "🌟 seulement",
        "toggle.code": "Avec code",
        "clear": "Effacer",
        "count": {"one": "{shown} article affiché sur {total}",
                  "many": "{shown} d’articles affichés sur {total}",
                  "other": "{shown} articles affichés sur {total}"},
        "bibtex": "BibTeX",
        "bibtex.label": "BibTeX de {title}",
        "copy": "Copier",
        "copy.label": "Copier le BibTeX de {key}",
        "copied": "Copié",
        "copy.select": f"Sélectionné{_NBSP}: appuyez sur Ctrl+C pour copier",
    }),
    Catalogue("es", ("one", "many", "other"), {
        "column.title": "Título", "column.authors": "Autores", "column.year": "Año",
        "column.venue": "Publicado en", "column.section": "Sección", "column.kind": "Tipo",
        "column.code": "Código", "column.links": "Enlaces", "column.description": "Descripción",
        "column.citations": "Citas", "column.key": "Clave", "column.arxiv": "arXiv",
        "search": "Buscar",
        "search.placeholder": "Título, autores, descripción",
        "toggle.star": "Solo 🌟",
        "toggle.code": "Con código",
        "clear": "Borrar",
        "count": {"one": "Mostrando {shown} artículo de {total}",
                  "many": "Mostrando {shown} de artículos de {total}",
                  "other": "Mostrando {shown} artículos de {total}"},
        "bibtex": "BibTeX",
        "bibtex.label": "BibTeX de {title}",
        "copy": "Copiar",
        "copy.label": "Copiar el BibTeX de {key}",
        "copied": "Copiado",
        "copy.select": "Seleccionado: pulse Ctrl+C para copiar",
    }),
]}
DEFAULT = "en"

_SUBTAGS = re.compile(r"[-_]")


def pick(setting: str | None) -> str:
    """The catalogue for a site's language setting: ``zh_CN``, ``zh-Hans``, ``de-AT`` ->
    their language; anything without a catalogue (or no setting) -> English."""
    language = _SUBTAGS.split(setting or "", maxsplit=1)[0].lower()
    return language if language in CATALOGUES else DEFAULT


def header(column: str, language: str) -> str:
    """A column's header in ``language`` (a code :func:`pick` returned)."""
    text = CATALOGUES[language].messages[f"column.{column}"]
    assert isinstance(text, str)
    return text


def browser_messages(language: str) -> dict[str, Message]:
    """What the browser script says, in ``language``: :data:`BROWSER`'s messages."""
    messages = CATALOGUES[language].messages
    return {name: messages[name] for name in BROWSER}
