/// The invoeringstoets as one self-contained HTML page, in the same look as
/// the knelpuntenrapport. It leads with the effect of each reform (who
/// changes, benefit outlay and net income per year, the provisions it
/// changes); then the knelpunten before and after, one column per reform,
/// and per reform in five categories; the intents; the income per persona
/// as small multiples. Every text from rule or persona files is escaped.
public enum InvoeringstoetsHTML {
    typealias R = InvoeringstoetsRapport

    public static func render(_ r: InvoeringstoetsRapport) -> String {
        let several = r.hervormingen.count > 1
        var h = header(r)
        h += HTML.navigation([("effect", "Effect"), ("samenvatting", "Knelpunten voor en na")]
            + r.hervormingen.indices.map { ("categorieen-\($0 + 1)", several ? "Categorieën: \(r.hervormingen[$0].hervorming.titel)" : "Knelpunten per categorie") }
            + [("bedoelingen", "Bedoelingen"), ("inkomen", "Inkomen per persona"), ("werkwijze", "Werkwijze")])
        h += "<main id=\"inhoud\">\n"
        h += effect(r)
        h += summary(r)
        for (i, v) in r.hervormingen.enumerated() { h += categories(v, index: i + 1, several: several, population: r.populatie != nil) }
        h += intents(r)
        h += InvoeringstoetsHTMLInkomen.render(r)
        h += "<section aria-labelledby=\"werkwijze\">\n<h2 id=\"werkwijze\">Werkwijze</h2>\n<ul>\n"
            + r.werkwijze.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n</section>\n"
        h += "</main>\n"
        h += HTML.footer("Gemaakt met Doenbaar uit de regelbestanden, de hervorming\(several ? "en" : "") en de persona's; rapportversie \(r.versie). "
            + "Dezelfde invoer geeft hetzelfde rapport. Aantallen mensen en bedragen zijn schattingen uit de gewichten van de persona's, geen tellingen.")
        return HTML.document(title: r.titel, content: h)
    }

    static func header(_ r: R) -> String {
        let personas = r.hervormingen.first?.personas ?? []
        let weight = personas.reduce(0) { $0 + $1.gewicht }
        var lede = "Wat doet de hervorming\(r.hervormingen.count > 1 ? ", en welke doet het meest" : "")? Dezelfde \(personas.count) persona's"
        lede += " (samen ongeveer \(HTML.escape(Format.count(weight))) mensen) zijn doorgerekend onder de huidige regels en met "
        lede += r.hervormingen.count == 1 ? "de hervorming <em>\(HTML.escape(r.hervormingen[0].hervorming.titel))</em>."
            : "elk van \(r.hervormingen.count) hervormingen: " + HTML.escape(Format.list(r.hervormingen.map(\.hervorming.titel))) + "."
        var figures: [(String, String)] = []
        if r.hervormingen.count == 1, let v = r.hervormingen.first {
            figures.append(("Mensen met ander inkomen", Format.count(v.effect.personen)))
            figures += [R.Categorie.opgelost, .verminderd, .verergerd, .nieuw].map { ("Knelpunten \($0.rawValue)", Format.count(v.knelpunten($0).count)) }
        } else {
            figures = [("Hervormingen", Format.count(r.hervormingen.count)), ("Persona's", Format.count(personas.count))]
        }
        return HTML.header(kind: "Doenbaar · invoeringstoets", title: r.titel, lede: lede, figures: figures)
    }

    // MARK: Effect

    static func effect(_ r: R) -> String {
        let several = r.hervormingen.count > 1
        var h = "<section aria-labelledby=\"effect\">\n<h2 id=\"effect\">Effect van de hervorming\(several ? "en" : "")</h2>\n"
        for v in r.hervormingen {
            h += "<p class=\"effect\">" + (several ? "<strong>\(HTML.escape(v.hervorming.titel))</strong>: " : "")
                + HTML.escape(InvoeringstoetsTekst.effect(v)) + "</p>\n"
        }
        h += HTML.table(id: "effect-tabel", caption: "Effect per hervorming: wie verandert, uitkeringslasten en netto inkomen per kalenderjaar (gewogen), knelpunten per categorie",
                        columns: [.init("Maat")] + r.hervormingen.map { .init($0.hervorming.titel) },
                        rows: InvoeringstoetsTekst.effectRows(r).map { $0.map(HTML.escape) }, rowHeader: 0)
        h += "<h3 id=\"bepalingen\">Gewijzigde bepalingen</h3>\n"
        for v in r.hervormingen {
            if several { h += "<h4>\(HTML.escape(v.hervorming.titel))</h4>\n" }
            h += "<p>Bron van de hervorming: \(HTML.escape(v.hervorming.bron))\(HTML.escape(v.hervorming.geldig_vanaf.map { "; geldig vanaf \(InvoeringstoetsTekst.day($0))" } ?? "")).</p>\n"
            guard !v.artikelen.isEmpty else { h += "<p>Geen bepalingen gewijzigd.</p>\n"; continue }
            h += "<ul class=\"bepalingen\">\n" + v.artikelen.map { a in
                "<li>\(HTML.escape(InvoeringstoetsTekst.article(a))) <code>\(HTML.escape(a.naam))</code></li>\n"
            }.joined() + "</ul>\n"
        }
        return h + "</section>\n"
    }

    // MARK: Knelpunten

    static func anchor(_ index: Int, _ k: R.KnelpuntVergelijking) -> String { "h\(index)-" + HTML.slug(k.id) }

    static func summary(_ r: R) -> String {
        var h = "<section aria-labelledby=\"samenvatting\">\n<h2 id=\"samenvatting\">Knelpunten voor en na</h2>\n"
        h += "<p>Per knelpunt het geschatte aantal getroffen mensen en hun geld onder de huidige regels, en per hervorming de categorie en de stand erna.</p>\n"
        let rows = InvoeringstoetsTekst.knelpuntRows(r).map { row -> [String] in
            let index = r.hervormingen.firstIndex { v in v.knelpunten.contains { $0.id == row.id } }!
            let k = r.hervormingen[index].knelpunten.first { $0.id == row.id }!
            return ["<a href=\"#\(HTML.escape(anchor(index + 1, k)))\">\(HTML.escape(row.titel))</a>", HTML.escape(row.voor)]
                + row.per_hervorming.map { "<span class=\"oordeel\">\(HTML.escape($0))</span>" }
        }
        h += HTML.table(id: "samenvatting-tabel", caption: "Knelpunten onder de huidige regels en na elke hervorming",
                        columns: [.init("Knelpunt"), .init("Huidige regels")] + r.hervormingen.map { .init($0.hervorming.titel) },
                        rows: rows, rowHeader: 0, empty: "Geen knelpunten, voor noch na.", className: "tabel samenvatting")
        return h + "</section>\n"
    }

    static func categories(_ v: R.Vergelijking, index: Int, several: Bool, population: Bool) -> String {
        let id = "categorieen-\(index)"
        var h = "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">Knelpunten per categorie\(several ? ": \(HTML.escape(v.hervorming.titel))" : "")</h2>\n"
        for c in R.Categorie.allCases {
            let list = v.knelpunten(c)
            h += "<section class=\"categorie\" aria-labelledby=\"\(id)-\(c.rawValue)\">\n"
            h += "<h3 id=\"\(id)-\(c.rawValue)\">\(c.kop) (\(list.count))</h3>\n<p>\(HTML.escape(c.uitleg))</p>\n"
            if list.isEmpty { h += "<p>Geen.</p>\n" }
            for k in list { h += knelpunt(k, anchor: anchor(index, k), population: population) }
            h += "</section>\n"
        }
        return h + "</section>\n"
    }

    static func knelpunt(_ k: R.KnelpuntVergelijking, anchor: String, population: Bool) -> String {
        func cell(_ before: String, _ after: String) -> String {
            func nb(_ s: String) -> String { HTML.escape(s).replacingOccurrences(of: " ", with: "\u{00A0}") }
            return before == after ? "\(nb(after)), ongewijzigd" : "voor \(nb(before)), na \(nb(after))"
        }
        let people = (k.voor?.personen ?? 0, k.na?.personen ?? 0)
        let loss = (k.voor?.totaal.verlies_cent ?? 0, k.na?.totaal.verlies_cent ?? 0)
        let repay = (k.voor?.totaal.terugbetaling_cent ?? 0, k.na?.totaal.terugbetaling_cent ?? 0)
        var h = "<section class=\"knelpunt-kort\" id=\"\(HTML.escape(anchor))\" aria-labelledby=\"\(HTML.escape(anchor))-kop\">\n"
        h += "<h4 id=\"\(HTML.escape(anchor))-kop\">\(HTML.escape(k.titel))</h4>\n<dl class=\"kenmerken\">\n"
        h += "<div><dt>Categorie</dt><dd class=\"oordeel\">\(k.categorie.rawValue)\(k.verplichting_vervalt == nil ? "" : " (verplichting vervalt)")</dd></div>\n"
        h += "<div><dt>Soort</dt><dd>\(HTML.escape(k.soort_titel))</dd></div>\n"
        h += "<div><dt>Ernst</dt><dd>\(HTML.severity(k.ernst, level: HTML.severityLevel(k.ernst)))</dd></div>\n"
        h += "<div><dt>Mensen (schatting)</dt><dd>\(cell(Format.count(people.0), Format.count(people.1)))</dd></div>\n"
        h += "<div><dt>Verlies samen</dt><dd>\(cell(Format.euroRounded(loss.0), Format.euroRounded(loss.1)))</dd></div>\n"
        h += "<div><dt>Terug te betalen samen</dt><dd>\(cell(Format.euroRounded(repay.0), Format.euroRounded(repay.1)))</dd></div>\n"
        if population {
            h += "<div><dt>In de hele populatie</dt><dd>\(cell(Format.count(k.populatie_voor?.personen ?? 0), Format.count(k.na == nil ? 0 : k.populatie_na?.personen ?? 0)))</dd></div>\n"
        }
        h += "</dl>\n"
        let was = k.voor?.personas ?? [], now = k.na?.personas ?? []
        let who = was.isEmpty ? "Treft na de hervorming \(Format.list(now))."
            : now.isEmpty ? "Trof voor de hervorming \(Format.list(was))."
            : was == now ? "Treft voor en na de hervorming \(Format.list(now))."
            : "Trof voor de hervorming \(Format.list(was)); erna \(Format.list(now))."
        h += "<p>\(HTML.escape(who))</p>\n"
        if let v = k.verplichting_vervalt {
            h += "<p class=\"let-op\"><strong>Let op: verdwenen doordat een verplichting vervalt.</strong> \(HTML.escape(v.uitleg))</p>\n"
        }
        return h + "</section>\n"
    }

    // MARK: Intents

    static func intents(_ r: R) -> String {
        var h = "<section aria-labelledby=\"bedoelingen\">\n<h2 id=\"bedoelingen\">Werkt de regeling zoals bedoeld?</h2>\n"
        h += "<p>Per bedoeling: bij welke persona's zij in ten minste één maand niet wordt gehaald, onder de huidige regels en na elke hervorming. "
        h += "Een bedoeling die alleen een hervorming vastlegt, is ook tegen de huidige regels getoetst.</p>\n"
        let rows = InvoeringstoetsTekst.intentRows(r).map { row in [HTML.escape(row.tekst), HTML.escape(row.voor)] + row.per_hervorming.map(HTML.escape) }
        h += HTML.table(id: "bedoelingen-tabel", caption: "Bedoelingen onder de huidige regels en na elke hervorming",
                        columns: [.init("Bedoeling"), .init("Huidige regels")] + r.hervormingen.map { .init($0.hervorming.titel) },
                        rows: rows, empty: "De regels leggen geen bedoelingen vast.")
        return h + "</section>\n"
    }
}
