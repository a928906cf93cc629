// @ts-check
/* awesome-papers: search, filters, sorting and BibTeX for paper tables.
 *
 * The tables are complete HTML without this script. The core writes each one's data (one
 * item per row, in row order) as JSON: under Sphinx in a following
 * <script type="application/json" class="awesome-papers-data"> block, under MkDocs in the
 * data-awesome-papers attribute of the <div> around it. This file reads it and makes no
 * request of its own. The JSON also holds the script's words, in the site's language
 * (awesome_papers/messages.py), so this file holds none.
 * State lives in the URL hash: #<table-id>?q=adam&year=2024&section=slug&star=1&code=1&sort=-year
 * Type-checked by tsc (see docs/contributing.md); the types are JSDoc comments.
 */
(() => {
  "use strict";

  /**
   * A row's data, as awesome_papers.nodes.table_json writes it.
   * @typedef {{key: string, title: string, authors: string, text: string,
   *   year: number | null, section: string, star: boolean, code: boolean,
   *   bibtex: string}} RowData
   * A message: text, or one text per CLDR plural category ("one", "many", "other").
   * @typedef {string | Record<string, string>} Message
   * @typedef {{sections?: Record<string, string>, rows: RowData[], language: string,
   *   messages: Record<string, Message>}} TableData
   * @typedef {{row: HTMLTableRowElement, d: RowData, index: number,
   *   detail: HTMLTableRowElement | null, open: boolean, text: string}} Item
   * @typedef {{q: string, years: Set<string>, sections: Set<string>, star: boolean,
   *   code: boolean, sort: string}} State
   * @typedef {{group: HTMLDivElement, buttons: Map<string, HTMLButtonElement>}} Chips
   * @typedef {{box: HTMLInputElement, label: HTMLLabelElement}} Toggle
   * An attribute for make(): text, false or null for none, or a listener (on*: the
   * event's type depends on the name).
   * @typedef {string | false | null | undefined | ((event: any) => void)} Attribute
   */

  /** @type {PaperTable[]} */
  let tables = [];
  const started = new WeakSet();
  const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
  /** @param {string | undefined} text */
  const fold = (text) =>
    (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  /** What a table says, in the language its JSON names. */
  class Words {
    /**
     * @param {string} language a BCP 47 language code, such as "fr"
     * @param {Record<string, Message>} messages the catalogue's browser messages
     */
    constructor(language, messages) {
      this.messages = messages;
      this.plurals = new Intl.PluralRules(language);
      this.numbers = new Intl.NumberFormat(language);
    }

    /**
     * The message's text with each {name} replaced by values[name]; a plural message's
     * text is chosen by values.count (its "other" text where a category has none).
     * @param {string} id
     * @param {Record<string, string | number>} [values]
     * @returns {string}
     */
    text(id, values = {}) {
      const message = this.messages[id];
      const text = typeof message === "string" ? message
        : message[this.plurals.select(Number(values.count))] || message.other;
      return text.replace(/\{(\w+)\}/g, (whole, name) => {
        const value = values[name];
        if (value === undefined) return whole;
        return typeof value === "number" ? this.numbers.format(value) : value;
      });
    }
  }

  /**
   * A new element: attributes (false/null skip, on* listen), then children.
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Record<string, Attribute> | null} [attributes]
   * @param {...(Node | string)} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  function make(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (typeof value === "function") node.addEventListener(name.slice(2), value);
      else if (value !== false && value != null) node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  /**
   * A labelled group of toggle buttons, one per value.
   * @param {string} label
   * @param {string} id
   * @param {string[]} values
   * @param {Record<string, string>} names shown instead of the values they key
   * @param {(value: string) => void} onToggle
   * @returns {Chips}
   */
  function chips(label, id, values, names, onToggle) {
    const heading = make("span", { class: "awesome-facet-label", id }, label);
    const group = make("div", { class: "awesome-facet", role: "group", "aria-labelledby": id },
      heading);
    const buttons = new Map();
    for (const value of values) {
      const button = make("button", {
        type: "button", class: "awesome-chip", "aria-pressed": "false",
        onclick: () => onToggle(value),
      }, names[value] || value);
      buttons.set(value, button);
      group.append(button);
    }
    return { group, buttons };
  }

  /**
   * @param {string} label
   * @param {(on: boolean) => void} onChange
   * @returns {Toggle}
   */
  function toggle(label, onChange) {
    const box = make("input", { type: "checkbox", onchange: () => onChange(box.checked) });
    return { box, label: make("label", { class: "awesome-toggle" }, box, " ", label) };
  }

  class PaperTable {
    // Made by build() and headers(), which the constructor calls.
    /** @type {HTMLInputElement} */ search;
    /** @type {Chips | null} */ yearChips;
    /** @type {Chips | null} */ sectionChips;
    /** @type {Record<string, Toggle>} */ toggles;
    /** @type {HTMLButtonElement} */ clear;
    /** @type {HTMLParagraphElement} */ count;
    /** @type {Record<string, HTMLTableCellElement>} */ sortHeaders;

    /**
     * @param {HTMLTableElement} table
     * @param {TableData} data
     * @param {number} index
     */
    constructor(table, data, index) {
      this.table = table;
      this.body = table.tBodies[0];
      const host = table.closest(".awesome-papers") || table;
      this.host = host;
      this.name = host.id || `papers-${index + 1}`;
      this.prefix = `awesome-${index}`;
      /** @type {Item[]} */
      this.items = Array.from(this.body.rows, (row, i) => {
        const d = data.rows[i];
        return {
          row, d, index: i, detail: null, open: false,
          text: fold([d.title, d.authors, d.text].join(" ")),
        };
      });
      this.sections = data.sections || {};
      this.words = new Words(data.language, data.messages);
      this.state = PaperTable.empty();
      this.sorted = "";
      this.controls = this.build();
      const anchor = table.closest(".awesome-scroll, .md-typeset__scrollwrap") || table;
      anchor.before(this.controls);
      labelCells(table);
      this.headers();
      this.bibtex();
      this.apply();
    }

    /** @returns {State} */
    static empty() {
      return { q: "", years: new Set(), sections: new Set(), star: false, code: false, sort: "" };
    }

    build() {
      const p = this.prefix;
      const w = this.words;
      const search = make("input", {
        type: "search", id: `${p}-q`, class: "awesome-search", autocomplete: "off",
        placeholder: w.text("search.placeholder"),
        oninput: () => this.change({ q: search.value }),
        onkeydown: (/** @type {KeyboardEvent} */ event) => {
          if (event.key === "Escape" && search.value) this.change({ q: "" });
        },
      });
      this.search = search;
      const box = make("div", { class: "awesome-controls" },
        make("div", { class: "awesome-field" },
          make("label", { for: `${p}-q` }, w.text("search")), " ", search));

      const years = [...new Set(this.items.map((it) => it.d.year).filter((y) => y != null))]
        .sort((a, b) => b - a).map(String);
      this.yearChips = years.length > 1
        ? chips(w.text("column.year"), `${p}-years`, years, {}, (y) => this.flip("years", y))
        : null;
      const slugs = [...new Set(this.items.map((it) => it.d.section).filter(Boolean))];
      this.sectionChips = slugs.length > 1
        ? chips(w.text("column.section"), `${p}-sections`, slugs, this.sections,
          (s) => this.flip("sections", s))
        : null;
      for (const facet of [this.yearChips, this.sectionChips]) if (facet) box.append(facet.group);

      this.toggles = {};
      if (this.items.some((it) => it.d.star)) {
        this.toggles.star = toggle(w.text("toggle.star"), (on) => this.change({ star: on }));
      }
      if (this.items.some((it) => it.d.code)) {
        this.toggles.code = toggle(w.text("toggle.code"), (on) => this.change({ code: on }));
      }
      for (const t of Object.values(this.toggles)) box.append(t.label);

      this.clear = make("button", {
        type: "button", class: "awesome-clear",
        onclick: () => { this.state = PaperTable.empty(); this.apply(); this.save(); },
      }, w.text("clear"));
      this.count = make("p", { class: "awesome-count", role: "status", "aria-live": "polite" });
      box.append(this.clear, this.count);
      return box;
    }

    /* Sort buttons in the year and title headers; the state is shown with aria-sort. */
    headers() {
      this.sortHeaders = {};
      const head = this.table.tHead && this.table.tHead.rows[0];
      if (!head) return;
      for (const column of ["title", "year"]) {
        /** @type {HTMLTableCellElement | null} */
        const th = head.querySelector(`.awesome-col-${column}`);
        if (!th) continue;
        const label = th.textContent.trim();
        th.replaceChildren(make("button", {
          type: "button", class: "awesome-sort",
          onclick: () => this.cycle(column),
        }, label, make("span", { class: "awesome-sort-icon", "aria-hidden": "true" })));
        this.sortHeaders[column] = th;
      }
    }

    /**
     * Ascending, descending, then back to the list's own order.
     * @param {string} column
     */
    cycle(column) {
      const sort = this.state.sort;
      const next = sort === column ? `-${column}` : sort === `-${column}` ? "" : column;
      this.change({ sort: next });
    }

    bibtex() {
      for (const it of this.items) {
        const cell = it.row.querySelector(".awesome-col-title") || it.row.cells[0];
        if (!cell || !it.d.bibtex) continue;
        const id = `${this.prefix}-bib-${it.index}`;
        const button = make("button", {
          type: "button", class: "awesome-bibtex-toggle", "aria-expanded": "false",
          "aria-controls": id,
          "aria-label": this.words.text("bibtex.label", { title: it.d.title }),
          onclick: () => this.showBibtex(it, button, id),
        }, this.words.text("bibtex"));
        (cell.lastElementChild || cell).append(" ", button);
      }
    }

    /**
     * @param {Item} it
     * @param {HTMLButtonElement} button
     * @param {string} id
     */
    showBibtex(it, button, id) {
      if (!it.detail) {
        const pre = make("pre", { class: "awesome-bibtex", id, tabindex: "0" }, it.d.bibtex);
        const status = make("span", { class: "awesome-copy-status", role: "status" });
        const w = this.words;
        const copy = make("button", {
          type: "button", class: "awesome-copy",
          "aria-label": w.text("copy.label", { key: it.d.key }),
          onclick: () => copyText(it.d.bibtex, pre, status, w),
        }, w.text("copy"));
        it.detail = make("tr", { class: "awesome-bibtex-row", hidden: "" },
          make("td", { colspan: String(it.row.cells.length) }, pre,
            make("div", { class: "awesome-copy-bar" }, copy, " ", status)));
        it.row.after(it.detail);
      }
      it.open = !it.open;
      button.setAttribute("aria-expanded", String(it.open));
      it.detail.hidden = !it.open || it.row.hidden;
    }

    /**
     * @param {"years" | "sections"} facet
     * @param {string} value
     */
    flip(facet, value) {
      const set = new Set(this.state[facet]);
      if (set.has(value)) set.delete(value); else set.add(value);
      this.change({ [facet]: set });
    }

    /** @param {Partial<State>} partial */
    change(partial) {
      Object.assign(this.state, partial);
      this.apply();
      this.save();
    }

    /**
     * @param {Item} it
     * @param {string[]} words
     */
    matches(it, words) {
      const s = this.state;
      const d = it.d;
      return words.every((w) => it.text.includes(w))
        && (!s.years.size || s.years.has(String(d.year)))
        && (!s.sections.size || s.sections.has(d.section))
        && (!s.star || d.star) && (!s.code || d.code);
    }

    /* Show the matching rows in the chosen order, and the controls as the state says. */
    apply() {
      const s = this.state;
      const words = fold(s.q).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const it of this.items) {
        const ok = this.matches(it, words);
        it.row.hidden = !ok;
        if (it.detail) it.detail.hidden = !ok || !it.open;
        if (ok) shown += 1;
      }
      if (s.sort !== this.sorted) this.reorder();
      this.count.textContent = this.words.text("count",
        { count: shown, shown, total: this.items.length });
      if (this.search.value !== s.q) this.search.value = s.q;
      /** @type {["years" | "sections", Chips | null][]} */
      const facets = [["years", this.yearChips], ["sections", this.sectionChips]];
      for (const [facet, chipSet] of facets) {
        if (!chipSet) continue;
        for (const [value, b] of chipSet.buttons) b.setAttribute("aria-pressed", String(s[facet].has(value)));
      }
      for (const [name, t] of Object.entries(this.toggles)) {
        t.box.checked = s[/** @type {"star" | "code"} */ (name)];
      }
    }

    reorder() {
      const s = this.state.sort;
      const column = s.replace(/^-/, "");
      const direction = s.startsWith("-") ? -1 : 1;
      const order = this.items.slice();
      if (s) {
        order.sort((a, b) => {
          let c;
          if (column === "year") {
            const x = a.d.year;
            const y = b.d.year;
            c = x == null || y == null ? Number(x == null) - Number(y == null) : (x - y) * direction;
          } else {
            c = collator.compare(a.d.title, b.d.title) * direction;
          }
          return c || a.index - b.index;  // stable: ties keep the list's order
        });
      }
      for (const it of order) {
        this.body.append(it.row);
        if (it.detail) this.body.append(it.detail);
      }
      for (const [name, th] of Object.entries(this.sortHeaders)) {
        if (name === column && s) th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      }
      this.sorted = s;
    }

    /* The state as URL parameters; empty when nothing is filtered or sorted. */
    params() {
      const s = this.state;
      const out = new URLSearchParams();
      if (s.q) out.set("q", s.q);
      for (const y of s.years) out.append("year", y);
      for (const x of s.sections) out.append("section", x);
      if (s.star) out.set("star", "1");
      if (s.code) out.set("code", "1");
      if (s.sort) out.set("sort", s.sort);
      return out.toString();
    }

    save() {
      const query = this.params();
      const url = location.pathname + location.search + (query ? `#${this.name}?${query}` : "");
      history.replaceState(history.state, "", url);
    }

    /** @param {URLSearchParams} params */
    restore(params) {
      /** @type {(values: string[], allowed: Set<string>) => Set<string>} */
      const known = (values, allowed) => new Set(values.filter((v) => allowed.has(v)));
      const sort = params.get("sort") || "";
      this.state = {
        q: params.get("q") || "",
        years: known(params.getAll("year"), new Set(this.yearChips ? this.yearChips.buttons.keys() : [])),
        sections: known(params.getAll("section"),
          new Set(this.sectionChips ? this.sectionChips.buttons.keys() : [])),
        star: params.get("star") === "1" && "star" in this.toggles,
        code: params.get("code") === "1" && "code" in this.toggles,
        sort: /^-?(year|title)$/.test(sort) && sort.replace(/^-/, "") in this.sortHeaders ? sort : "",
      };
      this.apply();
    }

    /**
     * A link to #key: clear filters that hide the row, scroll to it and mark it.
     * @param {HTMLElement} row
     */
    reveal(row) {
      for (const marked of document.querySelectorAll("tr.awesome-marked")) {
        marked.classList.remove("awesome-marked");
      }
      if (row.hidden) {
        this.state = PaperTable.empty();
        this.apply();
      }
      row.classList.add("awesome-marked");
      // By its first cell: the row itself is as wide as the table, and scrolling it into
      // view would move a sideways-scrolled table off its first column.
      (row.querySelector("td") || row).scrollIntoView({ block: "center", inline: "nearest" });
    }
  }

  /**
   * Give each body cell its column's header text as data-label, which the stylesheet shows
   * before the value when narrow screens turn rows into cards.
   * @param {HTMLTableElement} table
   */
  function labelCells(table) {
    const head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    /** @type {Map<string, string>} */
    const labels = new Map();
    for (const th of head.cells) {
      const column = Array.from(th.classList).find((c) => c.startsWith("awesome-col-"));
      if (column) labels.set(column, th.textContent.trim());
    }
    for (const row of table.tBodies[0].rows) {
      for (const cell of row.cells) {
        const column = Array.from(cell.classList).find((c) => labels.has(c));
        if (column) cell.dataset.label = labels.get(column);
      }
    }
  }

  /**
   * Copy to the clipboard, or select the text where the browser does not allow that.
   * @param {string} text
   * @param {HTMLElement} pre selected for Ctrl+C where the clipboard cannot be written
   * @param {HTMLElement} status where to say what happened
   * @param {Words} words
   */
  async function copyText(text, pre, status, words) {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = words.text("copied");
    } catch (error) {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      status.textContent = words.text("copy.select");
    }
  }

  /** @param {boolean} initial */
  function followHash(initial) {
    const hash = location.hash.slice(1);
    const split = hash.indexOf("?");
    if (split >= 0) {
      const name = decodeURIComponent(hash.slice(0, split));
      const target = tables.find((t) => t.name === name);
      if (!target) return;
      target.restore(new URLSearchParams(hash.slice(split + 1)));
      if (initial) target.host.scrollIntoView();
      return;
    }
    if (!hash) return;
    const row = document.getElementById(decodeURIComponent(hash));
    const owner = row && tables.find((t) => t.items.some((it) => it.row === row));
    if (owner) owner.reveal(row);
  }

  /* The tables of the page shown. Runs on load and again after each instant navigation
   * of Material for MkDocs, which swaps the page content without loading scripts again. */
  function start() {
    tables = tables.filter((t) => t.host.isConnected);
    const before = tables.length;
    /** @type {NodeListOf<HTMLElement>} */ (
      document.querySelectorAll("script.awesome-papers-data, [data-awesome-papers]"))
      .forEach((holder) => {
        if (started.has(holder)) return;
        started.add(holder);
        const inScript = holder.matches("script");
        /** @type {TableData} */
        let data;
        try {
          data = JSON.parse(inScript ? holder.textContent : holder.dataset.awesomePapers ?? "");
        } catch (error) {
          return;
        }
        // The table is before the script block (Sphinx), or inside the <div> (MkDocs).
        const box = inScript ? holder.previousElementSibling : holder;
        const table = box && (box instanceof HTMLTableElement ? box : box.querySelector("table"));
        if (!table || !table.tBodies[0] || table.tBodies[0].rows.length !== data.rows.length) {
          return;
        }
        tables.push(new PaperTable(table, data, tables.length));
      });
    if (tables.length > before) followHash(true);
  }

  window.addEventListener("hashchange", () => followHash(false));
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);  // Material for MkDocs: every page, instant or not
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
