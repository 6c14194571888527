import DoenbaarAnalysis

/// Building HTML safely: every text from rule or persona files goes through
/// `escape`; raw markup is only what the renderers write themselves.
///
/// The pages are also well-formed XML (void elements closed with `/>`, no
/// named entities besides the five of XML), so tests can parse them with
/// Foundation's XMLParser.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            // Control characters are not allowed in HTML text nor in XML: show a replacement.
            case _ where c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c.value == 0xFFFE || c.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// One self-contained page: inline styles, no scripts, fonts or network.
    /// `body` is placed inside `<main>`.
    public static func page(title: String, body: String) -> String {
        document(title: title, content: "<main id=\"inhoud\">\n\(body)</main>\n")
    }

    /// One self-contained page around `content` (header, main, footer).
    static func document(title: String, content: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Doenbaar"/>
        <title>\(escape(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(content)</body>
        </html>

        """
    }

    // MARK: Building blocks

    /// An id from any text: lower-case letters, digits, `-` and `_` only.
    static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-" {
                out.unicodeScalars.append(c)
            } else if out.last != "-" {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "x" : out
    }

    /// Hands out ids that are unique in one page, in a fixed order, so the
    /// same report always gets the same ids.
    struct IDs {
        private var used: Set<String>
        init(reserved: [String] = []) { used = Set(reserved) }
        mutating func make(_ base: String) -> String {
            var id = base, n = 2
            while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
            used.insert(id)
            return id
        }
    }

    /// A table with a caption, column headers (`scope="col"`) and the first
    /// cell of each row as row header (`scope="row"`), in a scroll frame so
    /// it never widens the page on a phone.
    struct Column {
        let title: String
        var numeric = false
        init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    /// Cells hold markup written by a renderer; texts inside are escaped by the caller.
    static func table(id: String? = nil, caption: String, columns: [Column], rows: [[String]],
                      rowHeader: Int = 0, empty: String = "Geen.", className: String = "tabel") -> String {
        var out = "<div class=\"tabel-kader\">\n<table class=\"\(className)\"\(id.map { " id=\"\(escape($0))\"" } ?? "")>\n"
        out += "<caption>\(escape(caption))</caption>\n<thead><tr>"
        for c in columns { out += "<th scope=\"col\"\(c.numeric ? " class=\"getal\"" : "")>\(escape(c.title))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let numeric = i < columns.count && columns[i].numeric
                let cls = numeric ? " class=\"getal\"" : ""
                // The column title again, for the narrow layout where each row becomes a card.
                let label = i < columns.count ? " data-label=\"\(escape(columns[i].title))\"" : ""
                out += i == rowHeader ? "<th scope=\"row\"\(cls)>\(cell)</th>" : "<td\(cls)\(label)>\(cell)</td>"
            }
            out += "</tr>\n"
        }
        if rows.isEmpty {
            out += "<tr><td colspan=\"\(columns.count)\" class=\"leeg\">\(escape(empty))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    /// A chart with its caption and, folded away, the same numbers as a table.
    static func figure(svg: String, caption: String, dataTable: String) -> String {
        """
        <figure class="grafiek-figuur">
        <div class="grafiek-kader">\(svg)</div>
        <figcaption>\(caption)</figcaption>
        <details class="gegevens"><summary>De cijfers van deze grafiek als tabel</summary>
        \(dataTable)</details>
        </figure>

        """
    }

    /// A severity shown as a word with a three-step meter: readable without colour.
    static func severity(_ word: String, level: Int) -> String {
        let level = max(0, min(3, level))
        let meter = String(repeating: "<span class=\"blok vol\"></span>", count: level)
            + String(repeating: "<span class=\"blok\"></span>", count: 3 - level)
        return "<span class=\"ernst ernst-\(level)\"><span class=\"meter\" aria-hidden=\"true\">\(meter)</span>\(escape(word))</span>"
    }

    /// The page header: kind of document, title, a lead paragraph and key figures.
    /// `lede` and `extra` are markup written by the renderer.
    static func header(kind: String, title: String, lede: String, extra: String = "", figures: [(String, String)]) -> String {
        var h = "<a class=\"overslaan\" href=\"#inhoud\">Naar de inhoud</a>\n"
        h += "<header class=\"kop\">\n<div class=\"kop-binnen\">\n"
        h += "<p class=\"documentsoort\">\(escape(kind))</p>\n"
        h += "<h1>\(escape(title))</h1>\n"
        h += "<p class=\"inleiding\">\(lede)</p>\n" + extra
        if !figures.isEmpty {
            h += "<dl class=\"kerncijfers\">\n"
            h += figures.map { "<div><dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd></div>\n" }.joined()
            h += "</dl>\n"
        }
        return h + "</div>\n</header>\n"
    }

    /// The table of contents: (anchor, text) pairs.
    static func navigation(_ items: [(String, String)]) -> String {
        "<nav class=\"inhoudsopgave\" aria-label=\"Inhoud van het rapport\">\n<ol>\n"
            + items.map { "<li><a href=\"#\(escape($0.0))\">\(escape($0.1))</a></li>\n" }.joined()
            + "</ol>\n</nav>\n"
    }

    static func footer(_ text: String) -> String {
        "<footer class=\"voet\">\n<div class=\"voet-binnen\">\n<p>\(escape(text))</p>\n</div>\n</footer>\n"
    }

    /// A list of texts: one paragraph for one, a list for more.
    static func texts(_ items: [String]) -> String {
        items.count == 1 ? "<p>\(escape(items[0]))</p>\n" : "<ul>\n" + items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
    }

    /// The level (1 to 3) of a severity written in Dutch, 0 when unknown.
    static func severityLevel(_ dutch: String) -> Int {
        Severity.allCases.first { $0.dutch == dutch }?.rawValue ?? 0
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// The items in their first order, each once.
    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// `1 maand`, `8 maanden`.
    static func months(_ n: Int) -> String { "\(n) maand\(n == 1 ? "" : "en")" }

    /// Cents as `€ 1.234,56` with non-breaking spaces, escaped.
    static func euro(_ cents: Int64) -> String { escape(Format.euro(cents)).replacingOccurrences(of: " ", with: "\u{00A0}") }

    /// Whole euros as `€ 1.234` with non-breaking spaces, escaped.
    static func euroRounded(_ cents: Int64) -> String { escape(Format.euroRounded(cents)).replacingOccurrences(of: " ", with: "\u{00A0}") }

    static let stylesheet = """
    :root { --inkt: #1a1a1a; --zacht: #4d4d4d; --lijn: #c4c4c4; --vlak: #f2f4f7; --accent: #154273; --accent-licht: #dce3ec; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; color: var(--inkt); background: #fff; font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 1.0625rem; line-height: 1.55; }
    a { color: var(--accent); text-underline-offset: 0.15em; }
    a:focus-visible, summary:focus-visible, .tabel-kader:focus-visible { outline: 3px solid var(--inkt); outline-offset: 2px; }
    .overslaan { position: absolute; left: -999rem; }
    .overslaan:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem 1rem; border: 2px solid var(--inkt); z-index: 2; }
    .visueel-verborgen { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    .kop { background: var(--vlak); border-top: 0.5rem solid var(--accent); border-bottom: 1px solid var(--lijn); }
    .kop-binnen, main, .voet-binnen { max-width: 70rem; margin: 0 auto; padding-left: 1.25rem; padding-right: 1.25rem; }
    .kop-binnen { padding-top: 1.75rem; padding-bottom: 1.5rem; }
    .documentsoort { margin: 0 0 0.35rem; font-size: 0.8rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); }
    h1, h2, h3, h4 { line-height: 1.2; color: var(--inkt); }
    h1 { font-size: 2.25rem; margin: 0 0 0.75rem; letter-spacing: -0.01em; }
    h2 { font-size: 1.55rem; margin: 3rem 0 0.75rem; padding-top: 1rem; border-top: 2px solid var(--inkt); }
    h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
    h4 { font-size: 1rem; margin: 1.25rem 0 0.35rem; }
    p, li, dd, figcaption { max-width: 44rem; }
    p { margin: 0 0 0.8rem; }
    ul, ol { padding-left: 1.4rem; margin: 0 0 1rem; }
    li { margin-bottom: 0.35rem; }
    code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; background: var(--vlak); padding: 0.05em 0.3em; border: 1px solid #e0e3e8; border-radius: 3px; overflow-wrap: anywhere; }
    .inleiding { font-size: 1.2rem; line-height: 1.5; max-width: 44rem; }
    .regelingen { color: var(--zacht); font-size: 0.95rem; }
    .label { font-weight: 700; color: var(--inkt); margin-right: 0.35rem; }
    .kerncijfers { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: 0.75rem; margin: 1.25rem 0 0; padding: 0; }
    .kerncijfers div { background: #fff; border: 1px solid var(--lijn); border-left: 0.35rem solid var(--accent); padding: 0.6rem 0.8rem; }
    .kerncijfers dt { font-size: 0.85rem; color: var(--zacht); }
    .kerncijfers dd { margin: 0; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.2; }
    nav.inhoudsopgave { border-bottom: 1px solid var(--lijn); }
    nav.inhoudsopgave ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0 auto; padding: 0.75rem 1.25rem; max-width: 70rem; font-size: 0.95rem; }
    nav.inhoudsopgave li { margin: 0; }
    main { padding-top: 0.5rem; padding-bottom: 3rem; }
    .tabel-kader { overflow-x: auto; margin: 1rem 0 1.5rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
    th, td { padding: 0.5rem 0.6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--lijn); }
    thead th { border-bottom: 2px solid var(--inkt); font-size: 0.85rem; color: var(--zacht); vertical-align: bottom; }
    tbody th { font-weight: 600; }
    tbody tr:nth-child(even) { background: #f8f9fb; }
    .getal { text-align: right; }
    thead .getal { white-space: normal; }
    td.leeg { font-style: italic; color: var(--zacht); }
    .samenvatting td.rang, .samenvatting th.rang { width: 2.5rem; }
    .samenvatting tbody th { min-width: 16rem; font-weight: 400; }
    .nowrap { white-space: nowrap; }
    .ernst { display: inline-flex; align-items: center; gap: 0.35rem; white-space: nowrap; font-weight: 600; }
    .meter { display: inline-flex; gap: 2px; }
    .blok { display: inline-block; width: 0.55rem; height: 0.8rem; border: 1.5px solid var(--inkt); background: #fff; }
    .blok.vol { background: var(--inkt); }
    section.knelpunt { margin-top: 3.5rem; }
    section.knelpunt > h2 { display: flex; gap: 0.75rem; align-items: baseline; }
    .rang { display: inline-block; min-width: 2.2rem; padding: 0.1rem 0.4rem; border: 2px solid var(--inkt); text-align: center; font-variant-numeric: tabular-nums; }
    .kenmerken { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0; margin: 1rem 0 1.5rem; border: 1px solid var(--lijn); border-top: 3px solid var(--accent); }
    .kenmerken div { padding: 0.6rem 0.8rem; border-right: 1px solid var(--lijn); border-bottom: 1px solid var(--lijn); margin: 0 -1px -1px 0; }
    .kenmerken dt { font-size: 0.8rem; color: var(--zacht); text-transform: uppercase; letter-spacing: 0.04em; }
    .kenmerken dd { margin: 0.15rem 0 0; font-weight: 600; font-variant-numeric: tabular-nums; }
    ol.verhalen { list-style: none; padding: 0; }
    ol.verhalen li { border-left: 3px solid var(--lijn); padding: 0.1rem 0 0.1rem 1rem; margin-bottom: 1rem; }
    .verhaal-kop { font-weight: 700; margin-bottom: 0.2rem; }
    .verhaal-kop .meta { font-weight: 400; color: var(--zacht); }
    section.minister { border-left: 4px solid var(--inkt); padding-left: 1rem; }
    ul.punten li { margin: 0.4rem 0; }
    ul.bepalingen { list-style: none; padding: 0; }
    ul.bepalingen li { padding: 0.5rem 0; border-bottom: 1px dotted var(--lijn); }
    .bron { display: block; }
    .regel { display: block; font-size: 0.9rem; color: var(--zacht); }
    ol.ladder { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.5rem; margin: 0.75rem 0 1rem; max-width: 44rem; }
    ol.ladder li { border: 1px dashed var(--zacht); padding: 0.45rem 0.7rem; margin: 0; color: var(--zacht); font-size: 0.95rem; }
    ol.ladder li.gekozen { border: 3px solid var(--inkt); color: var(--inkt); font-weight: 700; }
    .trede-nummer { display: block; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; }
    .gekozen-label { display: block; font-size: 0.8rem; font-weight: 700; }
    .richting { border-left: 0.35rem solid var(--accent); background: var(--vlak); padding: 0.75rem 1rem; max-width: 44rem; }
    details { margin: 1rem 0; border: 1px solid var(--lijn); padding: 0 0.9rem; }
    details[open] { padding-bottom: 0.75rem; }
    summary { cursor: pointer; font-weight: 600; padding: 0.6rem 0; }
    ul.spoor, ul.spoor ul { list-style: none; margin: 0; padding-left: 1.1rem; border-left: 1px solid var(--lijn); }
    ul.spoor { padding-left: 0; border-left: 0; font-size: 0.9rem; }
    ul.spoor li { margin: 0.35rem 0; max-width: none; }
    .spoor-soort { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--zacht); margin-right: 0.3rem; }
    .spoor-bron, .spoor-noot { display: block; color: var(--zacht); font-size: 0.85rem; }
    .grafiek-figuur { margin: 1.25rem 0 2rem; }
    .grafiek-kader { overflow-x: auto; border: 1px solid var(--lijn); padding: 0.5rem; background: #fff; max-width: 56rem; }
    .grafiek-figuur details { max-width: 56rem; }
    svg.grafiek { display: block; width: 100%; min-width: 34rem; height: auto; max-width: 100%; }
    figcaption { font-size: 0.95rem; color: var(--zacht); margin-top: 0.5rem; }
    .gegevens { font-size: 0.95rem; }
    .gegevens .tabel-kader { margin-top: 0.25rem; }
    section.persona { margin-top: 2.5rem; }
    .persona-meta { color: var(--zacht); font-size: 0.95rem; }
    .oordeel { font-weight: 700; white-space: nowrap; }
    .voet { border-top: 1px solid var(--lijn); background: var(--vlak); color: var(--zacht); font-size: 0.9rem; }
    .voet-binnen { padding-top: 1.25rem; padding-bottom: 2rem; }
    @media (max-width: 40rem) {
      body { font-size: 1rem; }
      h1 { font-size: 1.75rem; }
      h2 { font-size: 1.3rem; }
      .inleiding { font-size: 1.05rem; }
      .kerncijfers dd { font-size: 1.3rem; }
      .kenmerken { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .samenvatting thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      .samenvatting, .samenvatting caption, .samenvatting tbody, .samenvatting tr, .samenvatting td, .samenvatting tbody th { display: block; width: auto; }
      .samenvatting tr { border: 1px solid var(--lijn); border-left: 0.3rem solid var(--accent); margin: 0 0 0.75rem; padding: 0.4rem 0.7rem; }
      .samenvatting tbody tr:nth-child(even) { background: #fff; }
      .samenvatting td, .samenvatting tbody th { border: 0; padding: 0.15rem 0; text-align: left; min-width: 0; }
      .samenvatting tbody th { font-weight: 600; font-size: 1.05rem; padding-bottom: 0.3rem; }
      .samenvatting td[data-label]::before { content: attr(data-label) ": "; color: var(--zacht); font-size: 0.9rem; }
      svg.grafiek { min-width: 30rem; }
    }
    @media print {
      @page { margin: 18mm 16mm; }
      body { font-size: 10.5pt; }
      .kop, .voet { background: none; }
      .kop { border-top: 0; border-bottom: 2px solid #000; }
      nav.inhoudsopgave, .overslaan { display: none; }
      .kop-binnen, main, .voet-binnen { max-width: none; padding-left: 0; padding-right: 0; }
      a { color: inherit; text-decoration: none; }
      h2 { break-after: avoid; }
      h3, h4 { break-after: avoid; }
      section.knelpunt { break-before: page; margin-top: 0; }
      figure, table, .kenmerken, ol.ladder li { break-inside: avoid; }
      tbody tr:nth-child(even) { background: none; }
      .grafiek-kader { border: 0; padding: 0; overflow: visible; }
      svg.grafiek { min-width: 0; }
      .blok.vol, .kerncijfers div, .richting { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .richting { background: none; border: 1px solid #000; border-left-width: 0.35rem; }
      .gegevens { display: none; }
    }
    """
}
