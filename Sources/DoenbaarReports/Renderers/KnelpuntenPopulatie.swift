import DoenbaarCore

// The population parts of the knelpuntenrapport, in Markdown and HTML: per
// knelpunt the estimate for the whole caseload with its sampling interval,
// its range over the assumptions and (in HTML) a tornado chart; in the method
// note the published figures the population is calibrated on and every
// assumption it still rests on.

extension KnelpuntenMarkdown {
    /// **In de hele populatie.** for one knelpunt.
    static func populationParagraph(_ p: PopulatieRapport.Schatting, _ source: PopulatieBron) -> String {
        var out = "**In de hele populatie.** Naar schatting \(Format.count(p.personen)) mensen (\(SchattingTekst.people(p))), "
        out += "met samen ongeveer \(Format.euroRounded(p.bedrag_cent)) verlies (\(SchattingTekst.money(p))): \(p.schade.sentence(Format.euroRounded)); "
        out += "uit een synthetische populatie van \(Format.count(source.omvang)) personen.\n\n"
        if let g = p.gevoeligheid {
            let moving = g.aannames.filter(\.beweegt).prefix(3)
            if !moving.isEmpty {
                out += "Wat de schatting het meest beweegt: " + moving.map {
                    "\($0.omschrijving) (\($0.laag): \(Format.count($0.personen_bij_laag)) mensen; \($0.hoog): \(Format.count($0.personen_bij_hoog)) mensen)"
                }.joined(separator: "; ") + ".\n\n"
            }
        }
        return out
    }

    /// The population's method, calibration and assumptions, under the method note.
    static func populationMethod(_ source: PopulatieBron) -> String {
        var out = ""
        if let lines = source.werkwijze, !lines.isEmpty {
            out += "\n### De populatieschatting\n\n" + lines.map { "- \($0)\n" }.joined()
        }
        if let k = source.kalibratie { out += PopulatieMarkdown.calibrationSection(k, heading: "###") }
        if let a = source.aannames { out += PopulatieMarkdown.assumptionsSection(a, heading: "###") }
        return out
    }
}

extension KnelpuntenHTML {
    /// How many assumptions a tornado chart shows at most (the widest).
    static let tornadoBars = 8

    /// The estimate for the whole caseload of one knelpunt, with both ranges and a tornado chart.
    static func populationParagraph(_ p: PopulatieRapport.Schatting, _ source: PopulatieBron?, anchor: String) -> String {
        var h = "<div class=\"populatie\">\n"
        h += "<p>In de hele populatie: naar schatting <strong>\(Format.count(p.personen)) mensen</strong> (\(HTML.escape(SchattingTekst.people(p)))), "
        h += "met samen ongeveer \(HTML.euroRounded(p.bedrag_cent)) verlies (\(HTML.escape(SchattingTekst.money(p)))): \(HTML.escape(p.schade.sentence(Format.euroRounded))), "
        h += "uit een synthetische populatie\(source.map { " van \(HTML.escape(Format.count($0.omvang))) personen" } ?? "").</p>\n"
        guard let g = p.gevoeligheid else { return h + "</div>\n" }
        let rows = [
            ["Steekproef (95%-interval)", HTML.escape("\(Format.count(p.personen_laag)) tot \(Format.count(p.personen_hoog))"),
             "\(HTML.euroRounded(p.bedrag_laag_cent)) tot \(HTML.euroRounded(p.bedrag_hoog_cent))"],
            ["Aannames (laagste tot hoogste schatting)", HTML.escape("\(Format.count(g.personen_laag)) tot \(Format.count(g.personen_hoog))"),
             "\(HTML.euroRounded(g.bedrag_laag_cent)) tot \(HTML.euroRounded(g.bedrag_hoog_cent))"],
        ]
        h += HTML.table(caption: "Onzekerheid van deze schatting", columns: [.init("Bron van onzekerheid"), .init("Mensen", numeric: true), .init("Verlies", numeric: true)],
                        rows: rows, rowHeader: 0, className: "tabel onzekerheid")
        let moving = g.aannames.filter(\.beweegt)
        guard !moving.isEmpty else {
            return h + "<p>Geen van de aannames verandert deze schatting.</p>\n</div>\n"
        }
        let shown = Array(moving.prefix(tornadoBars))
        let bars = shown.map {
            TornadoChart.Bar(label: HTML.capitalized($0.omschrijving), lowSetting: $0.laag, highSetting: $0.hoog,
                             atLow: Int64($0.personen_bij_laag), atHigh: Int64($0.personen_bij_hoog))
        }
        var description = "Liggende staven, één per aanname, de breedste boven: elke staaf loopt van de schatting met de aanname op haar laagste waarde tot die met de aanname op haar hoogste waarde, rond de gewone schatting van \(Format.count(p.personen)) mensen."
        if let top = shown.first {
            description += " Het meest beweegt de \(top.omschrijving): \(Format.count(top.personen_bij_laag)) mensen bij \(top.laag), \(Format.count(top.personen_bij_hoog)) bij \(top.hoog)."
        }
        let svg = TornadoChart.render(id: "gevoeligheid-" + anchor, title: "Gevoeligheid van het aantal getroffen mensen voor de aannames: \(p.titel)",
                                      description: description, central: Int64(p.personen), centralLabel: "schatting \(Format.count(p.personen))",
                                      bars: bars, valueLabel: { Format.count(Int($0)) })
        let table = HTML.table(caption: "Schatting per aanname op haar laagste en hoogste waarde",
                               columns: [.init("Aanname"), .init("Laagste waarde"), .init("Mensen", numeric: true), .init("Hoogste waarde"),
                                         .init("Mensen", numeric: true), .init("Verlies bij laagste", numeric: true), .init("Verlies bij hoogste", numeric: true)],
                               rows: moving.map {
                                   [HTML.escape(HTML.capitalized($0.omschrijving)), HTML.escape($0.laag), HTML.escape(Format.count($0.personen_bij_laag)),
                                    HTML.escape($0.hoog), HTML.escape(Format.count($0.personen_bij_hoog)),
                                    HTML.euroRounded($0.bedrag_bij_laag_cent), HTML.euroRounded($0.bedrag_bij_hoog_cent)]
                               }, rowHeader: 0)
        let rest = moving.count - shown.count
        h += HTML.figure(svg: svg, caption: HTML.escape("Hoe het aantal getroffen mensen verschuift als één aanname op haar laagste of hoogste waarde staat"
                            + (rest > 0 ? "; de \(shown.count) aannames met de grootste uitslag, de overige \(rest) in de tabel." : "."))
                         , dataTable: table)
        return h + "</div>\n"
    }

    /// The population's method, calibration and assumptions, under the method note.
    static func populationMethod(_ source: PopulatieBron?) -> String {
        guard let source else { return "" }
        var h = ""
        if let lines = source.werkwijze, !lines.isEmpty {
            h += "<h3>De populatieschatting</h3>\n<ul>\n" + lines.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        if let k = source.kalibratie {
            h += "<h3>Kalibratie op gepubliceerde cijfers</h3>\n"
            h += HTML.table(caption: "Gepubliceerde verdelingen en het aandeel in de synthetische populatie",
                            columns: [.init("Verdeling"), .init("Klasse"), .init("Gepubliceerd", numeric: true), .init("Bereikt", numeric: true),
                                      .init("Persona's"), .init("Bron")],
                            rows: k.flatMap { m in
                                m.klassen.map { c in
                                    [HTML.escape(m.titel + (m.gekalibreerd ? "" : " (niet te halen)")), HTML.escape(c.klasse), HTML.escape(c.gepubliceerd),
                                     HTML.escape(c.bereikt), HTML.escape(c.personas.isEmpty ? "geen" : c.personas.joined(separator: ", ")),
                                     (c.parameter.map { "<code>\(HTML.escape($0))</code>: " } ?? "rest: ") + HTML.escape(c.bron)]
                                }
                            }, rowHeader: 0, empty: "Geen gepubliceerde verdelingen gebruikt.")
        }
        if let a = source.aannames {
            h += "<h3>Aannames</h3>\n<p>Deze getallen zijn aannames, geen gepubliceerde cijfers. Met een bereik zijn ze in de gevoeligheid gevarieerd.</p>\n"
            h += HTML.table(caption: "Aannames waarop de populatieschatting rust",
                            columns: [.init("Aanname"), .init("Waarde", numeric: true), .init("Bereik"), .init("Gevarieerd"), .init("Onderbouwing")],
                            rows: a.map { x in
                                [HTML.escape(HTML.capitalized(x.omschrijving)) + " <code>\(HTML.escape(x.naam))</code>", HTML.escape(x.waarde),
                                 HTML.escape(x.laag.map { "\($0) tot \(x.hoog ?? "")" } ?? "geen"), x.gevarieerd ? "ja" : "nee", HTML.escape(x.bron)]
                            }, rowHeader: 0)
        }
        return h
    }
}
