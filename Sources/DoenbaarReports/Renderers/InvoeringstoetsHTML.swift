/// The invoeringstoets as one self-contained HTML page, in the same look as
/// the knelpuntenrapport: a summary table of the knelpunten before and after
/// the reform first, then the reform itself, whether each intent holds
/// before and after, the knelpunten solved, remaining and new, and per
/// persona the income per month before and after. Every text from rule or
/// persona files is escaped.
public enum InvoeringstoetsHTML {
    public static func render(_ r: InvoeringstoetsRapport) -> String {
        let anchors = Anchors(r)
        var h = header(r)
        h += HTML.navigation([
            ("samenvatting", "Samenvatting"), ("hervorming", "De hervorming"), ("bedoelingen", "Bedoelingen"),
            ("opgelost", "Opgelost"), ("blijvend", "Blijvend"), ("nieuw", "Nieuw"),
            ("inkomen", "Inkomen per persona"), ("werkwijze", "Werkwijze"),
        ])
        h += "<main id=\"inhoud\">\n"
        h += summary(r, anchors)
        h += reform(r.hervorming)
        h += intents(r)
        h += knelpunten(id: "opgelost", title: "Opgeloste knelpunten", status: .solved, r.opgelost, anchors,
                        intro: "Deze knelpunten treden na de hervorming bij geen enkele persona meer op.",
                        none: "Geen: deze hervorming lost geen knelpunt op.")
        h += knelpunten(id: "blijvend", title: "Blijvende knelpunten", status: .remaining, r.blijvend, anchors,
                        intro: "Deze knelpunten treden ook na de hervorming op; per knelpunt hoe het ervoor stond en hoe erna.",
                        none: "Geen: elk knelpunt van voor de hervorming is opgelost.")
        h += knelpunten(id: "nieuw", title: "Nieuwe knelpunten", status: .new, r.nieuw, anchors,
                        intro: "Deze knelpunten treden pas na de hervorming op.",
                        none: "Geen: de hervorming brengt geen nieuw knelpunt.")
        h += incomes(r, anchors)
        h += "<section aria-labelledby=\"werkwijze\">\n<h2 id=\"werkwijze\">Werkwijze</h2>\n<ul>\n"
            + r.werkwijze.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n</section>\n"
        h += "</main>\n"
        h += HTML.footer("Gemaakt met Doenbaar uit de regelbestanden, de hervorming en de persona's; rapportversie \(r.versie). "
            + "Dezelfde invoer geeft hetzelfde rapport. Aantallen mensen zijn schattingen uit de gewichten van de persona's, geen tellingen.")
        return HTML.document(title: r.titel, content: h)
    }

    enum Status {
        case solved, remaining, new
        var word: String {
            switch self {
            case .solved: return "opgelost"
            case .remaining: return "blijft"
            case .new: return "nieuw"
            }
        }
    }

    /// Every anchor in the page, handed out once in a fixed order.
    struct Anchors {
        var solved: [String] = [], remaining: [String] = [], new: [String] = []
        var persona: [String] = [], chart: [String] = []
        init(_ r: InvoeringstoetsRapport) {
            var ids = HTML.IDs(reserved: ["inhoud", "samenvatting", "samenvatting-tabel", "hervorming", "bedoelingen", "opgelost",
                                          "blijvend", "nieuw", "inkomen", "grafiek-verschil", "werkwijze"])
            solved = r.opgelost.map { ids.make("opgelost-" + HTML.slug($0.id)) }
            remaining = r.blijvend.map { ids.make("blijvend-" + HTML.slug($0.id)) }
            new = r.nieuw.map { ids.make("nieuw-" + HTML.slug($0.id)) }
            for p in r.personas {
                let anchor = ids.make("persona-" + HTML.slug(p.id))
                persona.append(anchor)
                chart.append(ids.make("grafiek-" + anchor))
            }
        }
        func of(_ status: Status) -> [String] {
            switch status {
            case .solved: return solved
            case .remaining: return remaining
            case .new: return new
            }
        }
    }

    // MARK: Header and summary

    static func header(_ r: InvoeringstoetsRapport) -> String {
        let weight = r.personas.reduce(0) { $0 + $1.gewicht }
        let restored = r.bedoelingen.filter { $0.oordeel == "hersteld" || $0.oordeel == "deels hersteld" }.count
        let failing = r.bedoelingen.filter { !$0.na_personas.isEmpty }.count
        var lede = "Werkt de hervorming zoals bedoeld? Dezelfde \(r.personas.count) persona\(r.personas.count == 1 ? "" : "'s")"
        lede += " (samen ongeveer \(HTML.escape(Format.count(weight))) mensen) zijn doorgerekend onder de huidige regels en met de hervorming"
        lede += " <em>\(HTML.escape(r.hervorming.titel))</em>."
        return HTML.header(kind: "Doenbaar · invoeringstoets", title: r.titel, lede: lede, figures: [
            ("Knelpunten opgelost", Format.count(r.opgelost.count)),
            ("Knelpunten blijvend", Format.count(r.blijvend.count)),
            ("Knelpunten nieuw", Format.count(r.nieuw.count)),
            ("Bedoelingen hersteld", Format.count(restored)),
            ("Bedoelingen nog geschonden", Format.count(failing)),
        ])
    }

    static func summary(_ r: InvoeringstoetsRapport, _ anchors: Anchors) -> String {
        var h = "<section aria-labelledby=\"samenvatting\">\n<h2 id=\"samenvatting\">Samenvatting</h2>\n"
        var sentence = "Met deze hervorming \(r.opgelost.count == 1 ? "is" : "zijn") \(r.opgelost.count) knelpunt\(r.opgelost.count == 1 ? "" : "en") opgelost"
        sentence += ", \(r.blijvend.count == 1 ? "blijft er" : "blijven er") \(r.blijvend.count) en \(r.nieuw.count == 1 ? "komt er" : "komen er") \(r.nieuw.count) nieuw bij."
        h += "<p>\(HTML.escape(sentence)) De tabel zet per knelpunt het geschatte aantal getroffen mensen, hun verlies (gemist recht en boetes) en wat zij terug moeten betalen naast elkaar, voor en na de hervorming.</p>\n"
        var rows: [[String]] = []
        var number = 0
        for (status, list) in [(Status.solved, r.opgelost), (.remaining, r.blijvend), (.new, r.nieuw)] {
            let ids = anchors.of(status)
            for (i, k) in list.enumerated() {
                number += 1
                let (before, after, harmBefore, harmAfter) = figures(k, status)
                rows.append([
                    "\(number)",
                    "<a href=\"#\(HTML.escape(ids[i]))\">\(HTML.escape(k.titel))</a>",
                    "<span class=\"oordeel\">\(status.word)</span>",
                    HTML.severity(k.ernst, level: HTML.severityLevel(k.ernst)),
                    HTML.escape(Format.count(before)),
                    HTML.escape(Format.count(after)),
                    harmBefore.map { HTML.euroRounded($0.verlies_cent) } ?? "—",
                    HTML.euroRounded(harmAfter.verlies_cent),
                    harmBefore.map { HTML.euroRounded($0.terugbetaling_cent) } ?? "—",
                    HTML.euroRounded(harmAfter.terugbetaling_cent),
                ])
            }
        }
        h += HTML.table(id: "samenvatting-tabel", caption: "Knelpunten voor en na de hervorming",
                        columns: [.init("Nr."), .init("Knelpunt"), .init("Na de hervorming"), .init("Ernst"),
                                  .init("Mensen voor", numeric: true), .init("Mensen na", numeric: true),
                                  .init("Verlies samen voor", numeric: true), .init("Verlies samen na", numeric: true),
                                  .init("Terug te betalen voor", numeric: true), .init("Terug te betalen na", numeric: true)],
                        rows: rows, rowHeader: 1, empty: "Geen knelpunten, voor noch na de hervorming.", className: "tabel samenvatting")
        return h + "</section>\n"
    }

    /// People and total harm before and after, from what the report holds.
    static func figures(_ k: InvoeringstoetsRapport.KnelpuntKort, _ status: Status) -> (Int, Int, Schade?, Schade) {
        switch status {
        case .solved: return (k.personen, 0, k.totaal, Schade())
        case .remaining: return (k.voor_personen ?? k.personen, k.personen, k.voor_totaal, k.totaal)
        case .new: return (0, k.personen, Schade(), k.totaal)
        }
    }

    // MARK: The reform

    static func reform(_ f: InvoeringstoetsRapport.Hervorming) -> String {
        var h = "<section aria-labelledby=\"hervorming\">\n<h2 id=\"hervorming\">De hervorming</h2>\n"
        h += "<p>\(HTML.escape(f.titel)).</p>\n<dl class=\"kenmerken\">\n"
        h += "<div><dt>Naam</dt><dd><code>\(HTML.escape(f.naam))</code></dd></div>\n"
        h += "<div><dt>Geldig vanaf</dt><dd>\(HTML.escape(f.geldig_vanaf.map(day) ?? "niet opgegeven"))</dd></div>\n"
        h += "<div><dt>Vervangt</dt><dd>\(names(f.vervangt, f.vervangt_labels))</dd></div>\n"
        h += "<div><dt>Laat vervallen</dt><dd>\(names(f.vervalt, f.vervalt_labels))</dd></div>\n"
        h += "<div><dt>Voegt toe</dt><dd>\(names(f.voegt_toe, f.voegt_toe_labels))</dd></div>\n"
        h += "</dl>\n"
        h += "<p><span class=\"label\">Bron</span>\(HTML.escape(f.bron))</p>\n"
        return h + "</section>\n"
    }

    /// Declarations by their labels, each with its name from the rules as evidence in `<code>`.
    static func names(_ list: [String], _ labels: [String] = []) -> String {
        list.isEmpty ? "niets" : list.enumerated().map { i, n in
            i < labels.count ? "\(HTML.escape(labels[i])) (<code>\(HTML.escape(n))</code>)" : "<code>\(HTML.escape(n))</code>"
        }.joined(separator: ", ")
    }

    /// `2024-01-01` -> `1 januari 2024`; a month or anything else as it comes.
    static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        if parts.count == 3, let d = Int(parts[2]) { return "\(d) \(Format.month(parts[0] + "-" + parts[1]))" }
        return Format.month(iso)
    }

    // MARK: Intents

    static func intents(_ r: InvoeringstoetsRapport) -> String {
        var h = "<section aria-labelledby=\"bedoelingen\">\n<h2 id=\"bedoelingen\">Werkt de regeling zoals bedoeld?</h2>\n"
        h += "<p>Per bedoeling uit de regels: bij welke persona's zij in ten minste één maand niet wordt gehaald, voor en na de hervorming.</p>\n"
        let rows = r.bedoelingen.map { b in
            [
                "\(HTML.escape(b.tekst))<span class=\"regel\">\(HTML.escape(b.bron)) · <code>\(HTML.escape(b.naam))</code></span>",
                who(b.voor_personas, b.voor_personen),
                who(b.na_personas, b.na_personen),
                "<span class=\"oordeel\">\(HTML.escape(b.oordeel))</span>",
            ]
        }
        h += HTML.table(caption: "Bedoelingen voor en na de hervorming",
                        columns: [.init("Bedoeling"), .init("Voor: niet gehaald bij"), .init("Na: niet gehaald bij"), .init("Oordeel")],
                        rows: rows, empty: "De regels leggen geen bedoelingen vast.")
        return h + "</section>\n"
    }

    static func who(_ personas: [String], _ people: Int) -> String {
        personas.isEmpty ? "niemand"
            : "\(HTML.escape(Format.list(personas))) <span class=\"nowrap\">(ongeveer \(HTML.escape(Format.count(people))) mensen)</span>"
    }

    // MARK: Knelpunten

    static func knelpunten(id: String, title: String, status: Status, _ list: [InvoeringstoetsRapport.KnelpuntKort],
                           _ anchors: Anchors, intro: String, none: String) -> String {
        var h = "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTML.escape(title))</h2>\n"
        guard !list.isEmpty else { return h + "<p>\(HTML.escape(none))</p>\n</section>\n" }
        h += "<p>\(HTML.escape(intro))</p>\n"
        let ids = anchors.of(status)
        for (i, k) in list.enumerated() {
            let (before, after, harmBefore, harmAfter) = figures(k, status)
            h += "<section class=\"knelpunt-kort\" id=\"\(HTML.escape(ids[i]))\" aria-labelledby=\"\(HTML.escape(ids[i]))-kop\">\n"
            h += "<h3 id=\"\(HTML.escape(ids[i]))-kop\">\(HTML.escape(k.titel))</h3>\n<dl class=\"kenmerken\">\n"
            h += "<div><dt>Na de hervorming</dt><dd class=\"oordeel\">\(status.word)</dd></div>\n"
            h += "<div><dt>Soort</dt><dd>\(HTML.escape(k.soort_titel))</dd></div>\n"
            h += "<div><dt>Ernst</dt><dd>\(HTML.severity(k.ernst, level: HTML.severityLevel(k.ernst)))</dd></div>\n"
            h += "<div><dt>Mensen (schatting)</dt><dd>\(change(Format.count(before), Format.count(after), status))</dd></div>\n"
            h += "<div><dt>Verlies samen</dt><dd>\(change(harmBefore.map { Format.euroRounded($0.verlies_cent) } ?? "onbekend", Format.euroRounded(harmAfter.verlies_cent), status))</dd></div>\n"
            h += "<div><dt>Terug te betalen samen</dt><dd>\(change(harmBefore.map { Format.euroRounded($0.terugbetaling_cent) } ?? "onbekend", Format.euroRounded(harmAfter.terugbetaling_cent), status))</dd></div>\n"
            h += "</dl>\n"
            let people: String
            switch status {
            case .solved: people = "Trof voor de hervorming \(Format.list(k.personas))."
            case .new: people = "Treft na de hervorming \(Format.list(k.personas))."
            case .remaining:
                let was = k.voor_personas ?? k.personas
                people = was == k.personas ? "Treft voor en na de hervorming \(Format.list(k.personas))."
                    : "Trof voor de hervorming \(Format.list(was)); erna \(Format.list(k.personas))."
            }
            h += "<p>\(HTML.escape(people))</p>\n</section>\n"
        }
        return h + "</section>\n"
    }

    /// `voor 11.000, na 3.000`; words rather than an arrow, so it reads aloud.
    static func change(_ before: String, _ after: String, _ status: Status) -> String {
        func nb(_ s: String) -> String { HTML.escape(s).replacingOccurrences(of: " ", with: "\u{00A0}") }
        switch status {
        case .solved: return "voor \(nb(before)), na 0"
        case .new: return "voor 0, na \(nb(after))"
        case .remaining: return before == after ? "\(nb(after)), ongewijzigd" : "voor \(nb(before)), na \(nb(after))"
        }
    }

    // MARK: Income per persona

    static func changedMonths(_ p: InvoeringstoetsRapport.PersonaVergelijking) -> Int {
        zip(p.voor_cent, p.na_cent).filter { $0 != $1 }.count
    }

    static func incomes(_ r: InvoeringstoetsRapport, _ anchors: Anchors) -> String {
        var h = "<section aria-labelledby=\"inkomen\">\n<h2 id=\"inkomen\">Inkomen per persona, voor en na</h2>\n"
        guard !r.personas.isEmpty else { return h + "<p>Geen persona's doorgerekend.</p>\n</section>\n" }
        let changed = r.personas.enumerated().filter { changedMonths($1) > 0 }
        let unchanged = r.personas.filter { changedMonths($0) == 0 }
        if changed.isEmpty {
            h += "<p>Bij geen enkele persona verandert het netto inkomen in enige maand.</p>\n"
        } else {
            h += "<p>Bij \(changed.count) van de \(r.personas.count) persona's verandert het netto inkomen in ten minste één maand. "
            h += "Hieronder eerst het verschil over de hele periode, dan per persona het inkomen per maand: voor de hervorming (doorgetrokken grijze lijn, vierkantjes) en erna (streepjeslijn, open driehoekjes).</p>\n"
        }
        if !unchanged.isEmpty {
            h += "<p>Ongewijzigd in elke maand: \(HTML.escape(Format.list(unchanged.map(\.naam)))).</p>\n"
        }

        var figureNumber = 0
        if !changed.isEmpty {
            figureNumber += 1
            let bars = changed.map { _, p in
                BarChart.Bar(label: "\(p.naam) (ongeveer \(Format.count(p.gewicht)) mensen)", value: p.verschil_cent,
                             valueLabel: signed(p.verschil_cent) + " · \(changedMonths(p)) mnd anders",
                             fill: p.verschil_cent >= 0 ? .solid : .hatched)
            }
            let description = "Liggende staven, één per persona bij wie het inkomen verandert, met de lengte naar het verschil in netto inkomen over de hele periode (na min voor). "
                + changed.map { _, p in "\(p.naam): \(signed(p.verschil_cent)), in \(changedMonths(p)) maand\(changedMonths(p) == 1 ? "" : "en") anders." }.joined(separator: " ")
            let svg = BarChart.render(id: "grafiek-verschil", title: "Verschil in netto inkomen per persona, na min voor", description: description,
                                      bars: bars,
                                      legend: [.init(fill: .solid, label: "Na gelijk of hoger"), .init(fill: .hatched, label: "Na lager")],
                                      unit: 100, tickLabel: ChartScale.euroLabel)
            let rows = r.personas.map { p in
                [HTML.escape(p.naam), HTML.escape(Format.count(p.gewicht)), "\(changedMonths(p))", HTML.euro(p.verschil_cent)]
            }
            let table = HTML.table(caption: "Verschil per persona over de hele periode",
                                   columns: [.init("Persona"), .init("Mensen (gewicht)", numeric: true), .init("Maanden anders", numeric: true),
                                             .init("Verschil na min voor", numeric: true)],
                                   rows: rows)
            h += HTML.figure(svg: svg, caption: "Figuur \(figureNumber). Verschil in netto inkomen over de hele periode, na min voor, per persona bij wie iets verandert. Een verschil van € 0 met maanden anders: het geld komt op een ander moment.",
                             dataTable: table)
        }

        for (index, p) in changed {
            figureNumber += 1
            h += persona(p, anchor: anchors.persona[index], chartID: anchors.chart[index], figure: figureNumber)
        }
        return h + "</section>\n"
    }

    static func signed(_ cents: Int64) -> String {
        cents > 0 ? "+ " + Format.euroRounded(cents) : cents < 0 ? "− " + Format.euroRounded(-cents) : Format.euroRounded(0)
    }

    static func persona(_ p: InvoeringstoetsRapport.PersonaVergelijking, anchor: String, chartID: String, figure: Int) -> String {
        let n = p.maanden.count
        var h = "<section class=\"persona\" id=\"\(HTML.escape(anchor))\" aria-labelledby=\"\(HTML.escape(anchor))-kop\">\n"
        h += "<h3 id=\"\(HTML.escape(anchor))-kop\">\(HTML.escape(p.naam))</h3>\n"
        h += "<p class=\"persona-meta\">Staat voor ongeveer \(HTML.escape(Format.count(p.gewicht))) mensen · \(changedMonths(p)) van de \(n) maanden anders · verschil over de periode \(HTML.escape(signed(p.verschil_cent)))</p>\n"
        guard n > 0 else { return h + "<p>Geen maanden doorgerekend.</p>\n</section>\n" }
        let before = Array(p.voor_cent.prefix(n)), after = Array(p.na_cent.prefix(n))
        let span = n == 1 ? ChartScale.monthLabel(p.maanden[0]) : "\(ChartScale.monthLabel(p.maanden[0])) tot en met \(ChartScale.monthLabel(p.maanden[n - 1]))"
        let differing = (0..<min(before.count, after.count)).filter { before[$0] != after[$0] }
        let story = differing.isEmpty ? "Voor en na gelijk in elke maand."
            : "Anders in " + Format.list(differing.map { ChartScale.monthLabel(p.maanden[$0]) }) + "."
        let all = before + after
        let description = "Lijngrafiek van het netto inkomen per maand van \(p.naam), \(span), voor en na de hervorming. "
            + "Het laagste bedrag is \(Format.euroRounded(all.min() ?? 0)), het hoogste \(Format.euroRounded(all.max() ?? 0)). " + story
        let svg = LineChart.render(id: chartID, title: "Netto inkomen per maand van \(p.naam), voor en na", description: description,
                                   months: p.maanden, series: [
                                       .init(name: "Voor de hervorming", values: before.map { Optional($0) }, style: .voor),
                                       .init(name: "Na de hervorming", values: after.map { Optional($0) }, style: .na),
                                   ])
        let rows: [[String]] = (0..<n).map { i in
            let b: Int64? = i < before.count ? before[i] : nil, a: Int64? = i < after.count ? after[i] : nil
            var difference = "—"
            if let a, let b { difference = HTML.euro(a - b) }
            return [HTML.escape(Format.month(p.maanden[i])), b.map(HTML.euro) ?? "—", a.map(HTML.euro) ?? "—", difference]
        }
        let table = HTML.table(caption: "Netto inkomen per maand van \(p.naam), voor en na",
                               columns: [.init("Maand"), .init("Voor", numeric: true), .init("Na", numeric: true), .init("Verschil na min voor", numeric: true)],
                               rows: rows)
        h += HTML.figure(svg: svg, caption: "Figuur \(figure). Netto inkomen per maand van \(HTML.escape(p.naam)), \(HTML.escape(span)), voor en na de hervorming. \(HTML.escape(story))",
                         dataTable: table)
        return h + "</section>\n"
    }
}
