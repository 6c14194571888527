/// The income section of the invoeringstoets page: the difference per
/// persona, one column per reform, and per reform a small-multiple chart of
/// the income per month before and after, one panel per persona whose
/// income changes, with the numbers as a table beside it.
enum InvoeringstoetsHTMLInkomen {
    typealias R = InvoeringstoetsRapport

    static func render(_ r: R) -> String {
        var h = "<section aria-labelledby=\"inkomen\">\n<h2 id=\"inkomen\">Inkomen per persona, voor en na</h2>\n"
        let personas = r.hervormingen.first?.personas ?? []
        guard !personas.isEmpty else { return h + "<p>Geen persona's doorgerekend.</p>\n</section>\n" }
        h += "<p>Het netto inkomen over de hele periode, na min voor, per persona en per hervorming. Daarna per hervorming het inkomen per maand "
        h += "van elke persona bij wie het verandert: voor de hervorming (doorgetrokken grijze lijn) en erna (streepjeslijn), "
        h += "met vierkantjes en driehoekjes in de maanden die verschillen. Alle panelen hebben dezelfde verticale schaal.</p>\n"
        let rows = personas.indices.map { i -> [String] in
            [HTML.escape(personas[i].naam), HTML.escape(Format.count(personas[i].gewicht))] + r.hervormingen.map { v in
                let p = v.personas[i]
                return p.veranderd ? "\(HTML.euro(p.verschil_cent)) (\(InvoeringstoetsTekst.changedMonths(p)) mnd anders)" : "ongewijzigd"
            }
        }
        h += HTML.table(id: "inkomen-tabel", caption: "Verschil in netto inkomen over de hele periode, per persona en hervorming",
                        columns: [.init("Persona"), .init("Mensen (gewicht)", numeric: true)] + r.hervormingen.map { .init($0.hervorming.titel, numeric: true) },
                        rows: rows)
        for (i, v) in r.hervormingen.enumerated() { h += chart(v, index: i + 1, figure: i + 1) }
        return h + "</section>\n"
    }

    static func chart(_ v: R.Vergelijking, index: Int, figure: Int) -> String {
        let title = v.hervorming.titel
        let changed = v.personas.filter(\.veranderd)
        guard !changed.isEmpty else {
            return "<p>\(HTML.escape(title)): bij geen enkele persona verandert het netto inkomen in enige maand; geen grafiek.</p>\n"
        }
        let panels = changed.map { p in
            SmallMultipleChart.Panel(title: "\(p.naam), \(Format.count(p.gewicht)) mensen", months: p.maanden, series: [
                .init(name: "Voor de hervorming", values: p.voor_cent.map { Optional($0) }, style: .voor),
                .init(name: "Na de hervorming", values: p.na_cent.map { Optional($0) }, style: .na),
            ])
        }
        let description = "Kleine lijngrafieken naast elkaar, één per persona bij wie het netto inkomen verandert met \(title), "
            + "met het netto inkomen per maand voor en na de hervorming, op dezelfde verticale schaal. "
            + changed.map { p in
                let months = zip(p.maanden, zip(p.voor_cent, p.na_cent)).filter { $1.0 != $1.1 }.map { ChartScale.monthLabel($0.0) }
                return "\(p.naam): anders in \(Format.list(months)), over de periode \(InvoeringstoetsTekst.signed(p.verschil_cent))."
            }.joined(separator: " ")
        let svg = SmallMultipleChart.render(id: "grafiek-inkomen-\(index)", title: "Netto inkomen per maand, voor en na: \(title)",
                                            description: description, panels: panels)
        var rows: [[String]] = []
        for p in changed {
            for (i, m) in p.maanden.enumerated() {
                rows.append([HTML.escape(p.naam), HTML.escape(Format.month(m)), HTML.euro(p.voor_cent[i]), HTML.euro(p.na_cent[i]),
                             HTML.euro(p.na_cent[i] - p.voor_cent[i])])
            }
        }
        let table = HTML.table(caption: "Netto inkomen per maand, voor en na: \(title)",
                               columns: [.init("Persona"), .init("Maand"), .init("Voor", numeric: true), .init("Na", numeric: true),
                                         .init("Verschil na min voor", numeric: true)],
                               rows: rows)
        let caption = "Figuur \(figure). Netto inkomen per maand voor en na \(HTML.escape(title)), één paneel per persona bij wie het verandert ("
            + HTML.escape(Format.list(changed.map(\.naam))) + ")."
        return HTML.figure(svg: svg, caption: caption, dataTable: table)
    }
}
