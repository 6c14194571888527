import DoenbaarAnalysis
import DoenbaarCore

/// The knelpuntenrapport as one self-contained HTML page for readers at the
/// ministry, in parliament and at UWV: what the minister must know first, then
/// a summary table, a chart of
/// severity and reach, then per knelpunt what happens (told through the
/// personas), why (the articles), how harsh, how many people, the
/// doenvermogen angle, the rung of the solution ladder with a direction, and
/// the evidence folded away; last, each persona's income per month on the
/// three paths. Every text from rule or persona files is escaped. Declarations
/// are named by their labels; their names from the rules stand only in
/// `<code>`, as evidence.
public enum KnelpuntenHTML {
    public static func render(_ r: KnelpuntenRapport) -> String {
        let ids = Anchors(r)
        var h = header(r)
        h += navigation(r)
        h += "<main id=\"inhoud\">\n"
        if let m = r.minister { h += minister(m, r, ids) }
        h += summary(r, ids)
        h += reachChart(r, ids)
        for k in r.knelpunten { h += knelpunt(k, r, ids) }
        h += personas(r, ids)
        h += "<section aria-labelledby=\"werkwijze\">\n<h2 id=\"werkwijze\">Werkwijze</h2>\n<ul>\n"
            + r.werkwijze.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n" + populationMethod(r.populatie) + "</section>\n"
        h += "</main>\n"
        h += footer(version: r.versie)
        return HTML.document(title: r.titel, content: h)
    }

    /// Every anchor in the page, handed out once in a fixed order.
    struct Anchors {
        var knelpunt: [Int: String] = [:]
        var persona: [String: String] = [:]
        var chart: [String: String] = [:]
        init(_ r: KnelpuntenRapport) {
            var ids = HTML.IDs(reserved: ["inhoud", "minister", "minister-per-jaar", "samenvatting", "samenvatting-tabel", "ernst-en-bereik",
                                          "grafiek-ernst-bereik", "personas", "werkwijze"])
            for (i, k) in r.knelpunten.enumerated() { knelpunt[i] = ids.make(HTML.slug(k.id)) }
            for p in r.personas where persona[p.id] == nil {
                let anchor = ids.make("persona-" + HTML.slug(p.id))
                persona[p.id] = anchor
                chart[p.id] = ids.make("grafiek-" + anchor)
            }
        }
    }

    // MARK: Header, navigation, footer

    static func header(_ r: KnelpuntenRapport) -> String {
        let high = r.knelpunten.filter { $0.ernst_waarde >= Severity.high.rawValue }.count
        let lede = "Waar de regels juridisch kloppen, maar voor mensen onevenredig hard, averechts of onvoorzienbaar uitpakken. "
            + "Doorgerekend voor \(r.aantal_personas) persona\(r.aantal_personas == 1 ? "" : "'s") die samen staan voor ongeveer \(HTML.escape(Format.count(r.totaal_gewicht))) mensen."
        let extra = r.regelingen.isEmpty ? "" : "<p class=\"regelingen\"><span class=\"label\">Regelingen</span>\(HTML.escape(Format.list(r.regelingen)))</p>\n"
        return HTML.header(kind: "Doenbaar · rapport over de uitvoering", title: r.titel, lede: lede, extra: extra, figures: [
            ("Knelpunten", Format.count(r.knelpunten.count)),
            ("Waarvan ernst hoog", Format.count(high)),
            ("Persona's doorgerekend", Format.count(r.aantal_personas)),
            ("Mensen vertegenwoordigd", Format.count(r.totaal_gewicht)),
        ])
    }

    static func navigation(_ r: KnelpuntenRapport) -> String {
        var items = [(String, String)]()
        if r.minister != nil { items.append(("minister", "Voor de minister")) }
        items.append(("samenvatting", "Samenvatting"))
        if !r.knelpunten.isEmpty { items.append(("ernst-en-bereik", "Ernst en bereik")) }
        if !r.personas.isEmpty { items.append(("personas", "Inkomen per persona")) }
        items.append(("werkwijze", "Werkwijze"))
        return HTML.navigation(items)
    }

    static func footer(version: Int) -> String {
        HTML.footer("Gemaakt met Doenbaar uit de regelbestanden en de persona's; rapportversie \(version). "
            + "Dezelfde invoer geeft hetzelfde rapport. Aantallen mensen zijn schattingen uit de gewichten van de persona's, geen tellingen.")
    }

    // MARK: Summary

    static func summary(_ r: KnelpuntenRapport, _ ids: Anchors) -> String {
        var h = "<section aria-labelledby=\"samenvatting\">\n<h2 id=\"samenvatting\">Samenvatting</h2>\n"
        if r.knelpunten.isEmpty {
            h += "<p>In deze doorrekening is geen knelpunt gevonden: voor geen van de persona's pakt een regel onevenredig, averechts of onvoorzienbaar uit.</p>\n"
        } else {
            h += "<p>De knelpunten staan op volgorde van ernst maal bereik. Een knelpunt is een uitkomst die juridisch klopt, maar onevenredig, averechts of onvoorzienbaar is. Klik op een knelpunt voor het hele verhaal.</p>\n"
        }
        let population = r.populatie != nil
        let rows = r.knelpunten.enumerated().map { i, k in
            [
                "\(k.rang)",
                "<a href=\"#\(HTML.escape(ids.knelpunt[i] ?? ""))\">\(HTML.escape(k.titel))</a>",
                HTML.escape(k.soort_titel),
                HTML.severity(k.ernst, level: k.ernst_waarde),
            ] + (population ? [HTML.escape(KnelpuntenMarkdown.populationCell(k))] : []) + [
                HTML.escape(Format.count(k.personen)),
                k.harmPerPerson(HTML.euro),
                "<span class=\"nowrap\">trede \(k.trede)</span>: \(HTML.escape(k.trede_naam))",
            ]
        }
        let people: [HTML.Column] = population
            ? [.init("Mensen in de populatie (breedste bereik)", numeric: true), .init("Mensen volgens de persona's", numeric: true)]
            : [.init("Mensen (schatting uit de gewichten van de persona's)", numeric: true)]
        // The title is the row header (scope="row"); the rank stays in the first column.
        h += HTML.table(id: "samenvatting-tabel", caption: "Knelpunten, van zwaarst naar lichtst",
                        columns: [.init("Nr."), .init("Knelpunt"), .init("Soort"), .init("Ernst")] + people
                            + [.init("Per persoon", numeric: true), .init("Oplossing")],
                        rows: rows, rowHeader: 1, empty: "Geen knelpunten gevonden.", className: "tabel samenvatting")
        if let source = r.populatie {
            h += "<p>Mensen in de populatie: geschat uit een synthetische populatie van \(HTML.escape(Format.count(source.omvang))) personen, opgeschaald naar het aantal uitkeringen, met het bredere van het 95%-steekproefinterval en het bereik over de aannames; mensen volgens de persona's: de som van hun gewichten (een schatting, geen telling).</p>\n"
        }
        if !r.knelpunten.isEmpty {
            h += "<p class=\"totaal\">Alle knelpunten samen, elke euro één keer geteld: \(HTML.escape(r.totaal.sentence(Format.euroRounded))) (voor alle getroffenen samen; een gebeurtenis die meer knelpunten raakt, telt één keer).</p>\n"
        }
        return h + "</section>\n"
    }

    // MARK: For the minister

    static func minister(_ m: MinisterSectie, _ r: KnelpuntenRapport, _ ids: Anchors) -> String {
        var h = "<section aria-labelledby=\"minister\" class=\"minister\">\n<h2 id=\"minister\">\(HTML.escape(m.titel))</h2>\n"
        h += "<p>\(HTML.escape(m.inleiding.joined(separator: " ")))</p>\n"
        if !m.punten.isEmpty {
            h += "<ul class=\"punten\">\n"
            for p in m.punten {
                let anchor = r.knelpunten.firstIndex { $0.id == p.id }.flatMap { ids.knelpunt[$0] }
                let title = "<strong>\(HTML.escape(p.titel))</strong>"
                h += "<li>\(anchor.map { "<a href=\"#\(HTML.escape($0))\">\(title)</a>" } ?? title): \(HTML.escape(p.tekst))</li>\n"
            }
            h += "</ul>\n"
        }
        if !m.per_jaar.isEmpty {
            h += "<p>\(HTML.escape(m.per_jaar_toelichting))</p>\n"
            h += yearTable(m.per_jaar, id: "minister-per-jaar", caption: "Alle knelpunten samen, per kalenderjaar")
        }
        if !m.oplossingen.isEmpty { h += "<p>\(HTML.escape(m.oplossingen.joined(separator: " ")))</p>\n" }
        return h + "</section>\n"
    }

    /// The harm per calendar year, the kinds of money in their own columns.
    static func yearTable(_ k: KnelpuntVerslag) -> String { yearTable(k.per_jaar) }

    static func yearTable(_ years: [JaarSchade], id: String? = nil, caption: String = "Per jaar, voor alle getroffenen samen") -> String {
        guard !years.isEmpty else { return "" }
        let rows = years.map { y in
            ["\(y.jaar)", HTML.euroRounded(y.schade.gemist_recht_cent), HTML.euroRounded(y.schade.boetes_cent),
             HTML.euroRounded(y.schade.terugbetaling_cent), HTML.euroRounded(y.schade.onder_beslagvrije_voet_cent)]
        }
        return HTML.table(id: id, caption: caption,
                          columns: [.init("Jaar"), .init("Gemist recht", numeric: true), .init("Boetes", numeric: true),
                                    .init("Terug te betalen", numeric: true), .init("Waarvan onder de beslagvrije voet", numeric: true)],
                          rows: rows, rowHeader: 0)
    }

    // MARK: Severity and reach

    static func fill(_ severity: Int) -> BarChart.Fill {
        severity >= Severity.high.rawValue ? .solid : severity == Severity.medium.rawValue ? .hatched : .open
    }

    static func reachChart(_ r: KnelpuntenRapport, _ ids: Anchors) -> String {
        guard !r.knelpunten.isEmpty else { return "" }
        var h = "<section aria-labelledby=\"ernst-en-bereik\">\n<h2 id=\"ernst-en-bereik\">Ernst en bereik</h2>\n"
        h += "<p>Hoeveel mensen elk knelpunt naar schatting treft. Het vlak van de staaf geeft de ernst: effen is hoog, gearceerd is middel, open is laag; de ernst staat er ook in woorden bij.</p>\n"
        let bars = r.knelpunten.map { k in
            BarChart.Bar(label: "\(k.rang). \(k.titel)", value: Int64(k.personen),
                         valueLabel: "\(Format.count(k.personen)) mensen · \(k.ernst)", fill: fill(k.ernst_waarde))
        }
        let largest = r.knelpunten.max { ($0.personen, -$0.rang) < ($1.personen, -$1.rang) }
        var description = "Liggende staven, één per knelpunt in de volgorde van de samenvatting, met de lengte naar het geschatte aantal getroffen mensen."
        if let l = largest { description += " Het grootste bereik heeft knelpunt \(l.rang), \(l.titel): ongeveer \(Format.count(l.personen)) mensen, ernst \(l.ernst)." }
        description += " Effen staven hebben ernst hoog, gearceerde middel, open laag."
        let svg = BarChart.render(id: "grafiek-ernst-bereik", title: "Knelpunten naar bereik en ernst", description: description,
                                  bars: bars,
                                  legend: [.init(fill: .solid, label: "Ernst hoog"), .init(fill: .hatched, label: "Ernst middel"),
                                           .init(fill: .open, label: "Ernst laag")],
                                  tickLabel: { Format.count(Int($0)) })
        let table = HTML.table(caption: "Bereik en ernst per knelpunt",
                               columns: [.init("Knelpunt"), .init("Ernst"), .init("Mensen (schatting)", numeric: true)],
                               rows: r.knelpunten.map { ["\($0.rang). \(HTML.escape($0.titel))", HTML.escape($0.ernst), HTML.escape(Format.count($0.personen))] })
        h += HTML.figure(svg: svg, caption: "Figuur 1. Geschat aantal getroffen mensen per knelpunt, naar ernst. Een schatting uit de gewichten van de persona's, geen telling.", dataTable: table)
        return h + "</section>\n"
    }

    // MARK: One knelpunt

    static func knelpunt(_ k: KnelpuntVerslag, _ r: KnelpuntenRapport, _ ids: Anchors) -> String {
        let index = r.knelpunten.firstIndex { $0.rang == k.rang && $0.id == k.id } ?? 0
        let anchor = ids.knelpunt[index] ?? HTML.slug(k.id)
        var h = "<section class=\"knelpunt\" id=\"\(HTML.escape(anchor))\" aria-labelledby=\"\(HTML.escape(anchor))-kop\">\n"
        h += "<h2 id=\"\(HTML.escape(anchor))-kop\"><span class=\"rang\">\(k.rang)</span> <span>\(HTML.escape(k.titel))</span></h2>\n"

        h += "<dl class=\"kenmerken\">\n"
        h += "<div><dt>Soort</dt><dd>\(HTML.escape(k.soort_titel))</dd></div>\n"
        h += "<div><dt>Ernst</dt><dd>\(HTML.severity(k.ernst, level: k.ernst_waarde))</dd></div>\n"
        h += "<div><dt>Mensen (schatting)</dt><dd>\(HTML.escape(Format.count(k.personen)))</dd></div>\n"
        h += "<div><dt>Per persoon</dt><dd>\(k.harmPerPerson(HTML.euro))</dd></div>\n"
        h += "<div><dt>Duur</dt><dd>\(HTML.months(k.maanden))</dd></div>\n"
        h += "<div><dt>Oplossing</dt><dd>trede \(k.trede): \(HTML.escape(k.trede_naam))</dd></div>\n"
        h += "</dl>\n"

        h += "<h3>Wat er gebeurt</h3>\n"
        if k.wat_gebeurt.isEmpty {
            h += "<p>Geen persona's beschreven.</p>\n"
        } else {
            h += "<ol class=\"verhalen\">\n"
            for v in k.wat_gebeurt {
                let name = ids.persona[v.persona].map { "<a href=\"#\(HTML.escape($0))\">\(HTML.escape(v.persona_naam))</a>" } ?? HTML.escape(v.persona_naam)
                h += "<li>\n<p class=\"verhaal-kop\">\(name) <span class=\"meta\">· \(HTML.escape(period(v.van, v.tot_en_met))) · staat voor ongeveer \(HTML.escape(Format.count(v.gewicht))) mensen · \(HTML.escape(v.schade.sentence()))</span></p>\n"
                h += "<p>\(HTML.escape(v.uitleg))</p>\n"
                for lens in v.ook_gezien_als {
                    h += "<p class=\"lens\"><strong>Dezelfde gebeurtenis, ook gezien als \(HTML.escape(lens.soort_titel.lowercased())).</strong> \(HTML.escape(lens.uitleg))</p>\n"
                }
                h += "</li>\n"
            }
            h += "</ol>\n"
        }

        h += "<h3>Waarom</h3>\n"
        if k.waarom.isEmpty {
            h += "<p>Geen bepaling aangewezen.</p>\n"
        } else {
            h += "<p>Dit volgt uit \(k.waarom.count == 1 ? "deze bepaling" : "deze bepalingen"):</p>\n<ul class=\"bepalingen\">\n"
            for b in k.waarom {
                h += "<li><strong>\(HTML.escape(b.label))</strong><span class=\"bron\">\(HTML.escape(b.bron))</span><span class=\"regel\">in de regels: <code>\(HTML.escape(b.naam))</code> (\(HTML.escape(b.regeling)))</span></li>\n"
            }
            h += "</ul>\n"
        }

        h += "<h3>Hoe hard</h3>\n"
        h += "<p>Per persoon \(k.harmPerPerson(HTML.euro)), over \(HTML.months(k.maanden)). Voor alle getroffenen samen ongeveer \(HTML.escape(k.totaal.sentence(Format.euroRounded))).</p>\n"
        h += yearTable(k)

        h += "<h3>Hoeveel mensen</h3>\n"
        h += "<p>\(HTML.escape(HTML.capitalized(k.personen_toelichting))).</p>\n"
        if let p = k.populatie { h += populationParagraph(p, r.populatie, anchor: anchor) }

        let capacity = HTML.unique(k.doenvermogen)
        let avoiding = HTML.unique(k.andere_handeling)
        if !capacity.isEmpty || !avoiding.isEmpty {
            h += "<h3>Doenvermogen</h3>\n"
            h += capacity.isEmpty ? "<p>Bij dit knelpunt is geen bijzondere vraag aan het doenvermogen vastgelegd.</p>\n" : HTML.texts(capacity)
            if !avoiding.isEmpty {
                h += "<h4>Wat de persoon anders had kunnen doen</h4>\n"
                h += HTML.texts(avoiding)
            }
        }

        h += "<h3>Oplossing</h3>\n"
        h += ladder(chosen: k.trede, name: k.trede_naam)
        if k.te_wijzigen.isEmpty {
            h += "<p>\(HTML.escape(HTML.capitalized(k.trede_reden)))</p>\n"
        } else {
            // Rung 3: the articles to change as a list.
            h += "<p>\(HTML.escape(FindingProse.noDiscretion)) Te wijzigen:</p>\n<ul class=\"bepalingen\">\n"
            for b in k.te_wijzigen {
                h += "<li><span class=\"bron\">\(HTML.escape(b.bron))</span><span class=\"regel\">de bepaling achter '\(HTML.escape(b.label))'; in de regels: <code>\(HTML.escape(b.naam))</code></span></li>\n"
            }
            h += "</ul>\n"
        }
        h += "<p class=\"richting\"><strong>Richting.</strong> \(HTML.escape(k.richting))</p>\n"

        if !k.bewijs.isEmpty {
            h += "<details class=\"bewijs\"><summary>Bewijs: de berekening achter dit knelpunt</summary>\n"
            h += "<p>De berekening uit de regels, met bij elke stap het artikel waarop zij rust.</p>\n"
            h += k.bewijs.map { "<ul class=\"spoor\">\n" + trace($0) + "</ul>\n" }.joined()
            h += "</details>\n"
        }
        return h + "</section>\n"
    }

    /// `mei 2025`, or `januari 2025 tot en met december 2025`.
    static func period(_ from: String, _ through: String) -> String {
        from == through ? Format.month(from) : "\(Format.month(from)) tot en met \(Format.month(through))"
    }

    /// The three rungs of the solution ladder, the chosen one marked in words and by its frame.
    static func ladder(chosen: Int, name: String) -> String {
        var h = "<ol class=\"ladder\" aria-label=\"Oplossingsladder\">\n"
        let rungs = SolutionRung.allCases.map { ($0.rawValue, $0.dutch) }
        for (number, dutch) in rungs {
            let isChosen = number == chosen
            let label = isChosen ? name : dutch
            h += "<li\(isChosen ? " class=\"gekozen\"" : "")><span class=\"trede-nummer\">Trede \(number)</span>\(HTML.escape(label))"
            h += isChosen ? "<span class=\"gekozen-label\">← deze trede</span>" : ""
            h += "</li>\n"
        }
        if !rungs.contains(where: { $0.0 == chosen }) {
            h += "<li class=\"gekozen\"><span class=\"trede-nummer\">Trede \(chosen)</span>\(HTML.escape(name))<span class=\"gekozen-label\">← deze trede</span></li>\n"
        }
        return h + "</ol>\n"
    }

    static func trace(_ node: RenderedTrace) -> String {
        var h = "<li><span class=\"spoor-soort\">\(HTML.escape(node.soort))</span><code>\(HTML.escape(node.naam))</code> = <strong>\(HTML.escape(node.waarde))</strong>"
        if let s = node.bron, !s.isEmpty { h += "<span class=\"spoor-bron\">\(HTML.escape(s))</span>" }
        if let n = node.toelichting, !n.isEmpty { h += "<span class=\"spoor-noot\">(\(HTML.escape(n)))</span>" }
        if !node.onderdelen.isEmpty { h += "\n<ul>\n" + node.onderdelen.map(trace).joined() + "</ul>\n" }
        return h + "</li>\n"
    }

    // MARK: Personas

    static func personas(_ r: KnelpuntenRapport, _ ids: Anchors) -> String {
        guard !r.personas.isEmpty else { return "" }
        var h = "<section aria-labelledby=\"personas\">\n<h2 id=\"personas\">Inkomen per persona</h2>\n"
        h += "<p>Per persona het netto inkomen per maand op drie paden: <strong>zoals beschreven</strong> in het dossier (stippellijn, ruitjes), het <strong>ideale pad</strong> waarop alles op tijd is gemeld (dikke doorgetrokken lijn, vierkantjes) en het <strong>realistische pad</strong> waarop een verplichting alleen wordt nagekomen als het doenvermogen op dat moment volstaat (streepjeslijn, open rondjes). Waar de lijnen samenvallen, is de uitkomst op die paden gelijk.</p>\n"
        for (number, p) in r.personas.enumerated() {
            h += persona(p, figure: number + 2, r, ids)
        }
        return h + "</section>\n"
    }

    static func persona(_ p: PersonaPaden, figure: Int, _ r: KnelpuntenRapport, _ ids: Anchors) -> String {
        let anchor = ids.persona[p.id] ?? "persona-" + HTML.slug(p.id)
        let chartID = ids.chart[p.id] ?? "grafiek-" + anchor
        let n = p.maanden.count
        var h = "<section class=\"persona\" id=\"\(HTML.escape(anchor))\" aria-labelledby=\"\(HTML.escape(anchor))-kop\">\n"
        h += "<h3 id=\"\(HTML.escape(anchor))-kop\">\(HTML.escape(p.naam))</h3>\n"
        let involved = r.knelpunten.enumerated().filter { _, k in k.wat_gebeurt.contains { $0.persona == p.id } }
        var meta = "Staat voor ongeveer \(HTML.escape(Format.count(p.gewicht))) mensen · \(p.aantal_bevindingen) bevinding\(p.aantal_bevindingen == 1 ? "" : "en")"
        if !involved.isEmpty {
            meta += " · komt voor in knelpunt " + involved.map { i, k in "<a href=\"#\(HTML.escape(ids.knelpunt[i] ?? ""))\">\(k.rang)</a>" }.joined(separator: ", ")
        }
        h += "<p class=\"persona-meta\">\(meta)</p>\n"
        guard n > 0 else { return h + "<p>Geen maanden doorgerekend.</p>\n</section>\n" }

        let ideal = Array(p.ideaal_cent.prefix(n)), realistic = Array(p.realistisch_cent.prefix(n))
        let recorded = Array(p.zoals_beschreven_cent.prefix(n))
        let span = n == 1 ? ChartScale.monthLabel(p.maanden[0]) : "\(ChartScale.monthLabel(p.maanden[0])) tot en met \(ChartScale.monthLabel(p.maanden[n - 1]))"
        let lower = zip(ideal, realistic).filter { $1 < $0 }.count
        let higher = zip(ideal, realistic).filter { $1 > $0 }.count
        let gap = zip(ideal, realistic).reduce(Int64(0)) { $0 + ($1.0 - $1.1) }
        var story: String
        if lower == 0 && higher == 0 {
            story = "Het realistische pad valt samen met het ideale pad: wat deze persona moet doen, lukt."
        } else {
            story = "Het realistische pad ligt in \(lower) van de \(n) maanden lager dan het ideale pad"
            if higher > 0 { story += " en in \(higher) maand\(higher == 1 ? "" : "en") hoger" }
            story += gap >= 0 ? "; over de hele periode samen \(Format.euro(gap)) minder." : "; over de hele periode samen \(Format.euro(-gap)) meer."
        }
        let all = (ideal + realistic + recorded.compactMap { $0 })
        let minimum = all.min() ?? 0, maximum = all.max() ?? 0
        let description = "Lijngrafiek van het netto inkomen per maand van \(p.naam), \(span), op drie paden: zoals beschreven, ideaal en realistisch. "
            + "Het laagste bedrag is \(Format.euroRounded(minimum)), het hoogste \(Format.euroRounded(maximum)). " + story
        let svg = LineChart.render(id: chartID, title: "Netto inkomen per maand van \(p.naam)", description: description,
                                   months: p.maanden, series: [
                                       .init(name: "Ideaal pad", values: ideal.map { Optional($0) }, style: .ideaal),
                                       .init(name: "Realistisch pad", values: realistic.map { Optional($0) }, style: .realistisch),
                                       .init(name: "Zoals beschreven", values: recorded, style: .beschreven),
                                   ])
        let rows: [[String]] = (0..<n).map { i in
            [
                HTML.escape(Format.month(p.maanden[i])),
                i < recorded.count ? (recorded[i].map(HTML.euro) ?? "—") : "—",
                i < ideal.count ? HTML.euro(ideal[i]) : "—",
                i < realistic.count ? HTML.euro(realistic[i]) : "—",
                i < ideal.count && i < realistic.count ? HTML.euro(realistic[i] - ideal[i]) : "—",
            ]
        }
        let table = HTML.table(caption: "Netto inkomen per maand van \(p.naam)",
                               columns: [.init("Maand"), .init("Zoals beschreven", numeric: true), .init("Ideaal pad", numeric: true),
                                         .init("Realistisch pad", numeric: true), .init("Verschil realistisch min ideaal", numeric: true)],
                               rows: rows)
        h += HTML.figure(svg: svg, caption: "Figuur \(figure). Netto inkomen per maand van \(HTML.escape(p.naam)), \(HTML.escape(span)). \(HTML.escape(story)) Een streepje (—) in de tabel: die maand staat niet in het dossier.",
                         dataTable: table)
        return h + "</section>\n"
    }
}
