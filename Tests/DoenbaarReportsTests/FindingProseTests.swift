import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import DoenbaarTesting
import Foundation
import Testing

/// The sentences the reports write from a finding's data: with the labels of
/// the declarations, the same amounts the detectors measured.
@Suite struct FindingProseTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func findings(_ id: String, _ detector: any Detector) throws -> [Finding] {
        try Analyzer(evaluator: book.evaluator, detectors: [detector]).analyze(try book.persona(named: id))?.findings ?? []
    }

    @Test func anObligationIsNamedByItsLabelAndTheDoenvermogenInWords() throws {
        let f = try #require(try findings("esther", CapacityGapDetector()).first)
        #expect(FindingProse.title(f.topic) == "Inkomen doorgeven (Wajong) vraagt meer doenvermogen dan mensen hebben")
        #expect(FindingProse.story(f) == "Esther komt de verplichting 'Inkomen doorgeven (Wajong)' op het realistische pad 8 keer niet na: zij vraagt niveau 3,5 voor plannen, in actie komen en volhouden. Dat kost € 1.200,00 ten opzichte van het ideale pad.")
        #expect(FindingProse.avoidance(f) == "Op tijd melden (het ideale pad) had € 1.200,00 gescheeld.")
        #expect(FindingProse.reason(f).hasPrefix("Beleidsruimte 'Boete matigen of afzien (Wajong)' (Wajong art. 2:69"))
    }

    @Test func rungThreeNamesTheArticlesToChange() throws {
        let f = try #require(try findings("omer", IntentDetector()).first { $0.key.hasSuffix("geen_verlies_bij_overmacht") })
        #expect(FindingProse.title(f.topic) == "Bedoeling niet gehaald: Geen verlies van WW bij overmacht in het buitenland")
        let reason = FindingProse.reason(f)
        #expect(reason.contains("alleen een wetswijziging kan haar veranderen. Te wijzigen: Werkloosheidswet art. 19 lid 1 onderdeel e"), "\(reason)")
        #expect(reason.contains("de bepaling achter 'Recht op WW tijdens verblijf buiten Nederland'"), "\(reason)")
        #expect(FindingProse.story(f).contains("de bedoeling 'Geen verlies van WW bij overmacht in het buitenland' wordt niet gehaald in 2 maanden (april 2023 tot en met mei 2023)."))
        #expect(FindingProse.story(f).contains("De bedoeling luidt: \"Wie door een calamiteit buiten zijn schuld in het buitenland vastzit, houdt zijn WW.\" Het verschil: € 1.953,00."))
    }

    @Test func aProtectedAttributeAndTheDiscretionPointAreNamedByTheirLabels() throws {
        let f = try #require(try findings("elif", ProtectedAttributeDetector()).first)
        #expect(FindingProse.title(f.topic) == "Regel maakt onderscheid naar nationaliteit: Tijdelijke maatregel aardbeving Turkije en Syrië")
        #expect(FindingProse.story(f).contains("De regel 'Tijdelijke maatregel aardbeving Turkije en Syrië' maakt onderscheid naar een beschermd kenmerk."))
        #expect(FindingProse.reason(f).hasPrefix("Beleidsruimte 'Aanwijzing van een ramp door de minister (WW)' (Werkloosheidswet art. 19 lid 10"))
    }

    @Test func theAmountsAreTheDetectorsOwn() throws {
        let vera = try #require(try findings("vera", WorkAbroadDetector()).first)
        #expect(FindingProse.story(vera).contains("Met het werk houdt Vera € 8.413,00 over, zonder het werk € 8.946,00: werken loont niet."))
        let bas = try #require(try findings("bas", WorkPaysDetector()).first { $0.key.hasSuffix("opbrengst") })
        #expect(FindingProse.story(bas).contains("houdt daarvan na verrekening € -512,50 over"))
        let daan = try #require(try findings("daan", ChoiceTrapDetector()).first)
        #expect(FindingProse.avoidance(daan) == "Met 'WW aangevraagd: nee' had Daan € 6.219,44 meer gehad.")
        #expect(FindingProse.story(daan).hasPrefix("Daan houdt met 'WW aangevraagd: ja' € 6.219,44 minder over dan met 'WW aangevraagd: nee', in 6 maanden. Waarom: 'Wajong-uitkering per maand' is"))
        let ingrid = try #require(try findings("ingrid", DisproportionDetector()).first)
        #expect(FindingProse.story(ingrid).contains("voor het niet melden van inkomen dat de uitvoerder al in de polisadministratie had"))
    }

    @Test func doenbaarRunTellsTheFindingsWithTheSameProse() throws {
        let analysis = try #require(try Analyzer(evaluator: book.evaluator).analyze(try book.persona(named: "esther")))
        let text = AnalysisTextRenderer.render(analysis)
        #expect(text.contains("Inkomen doorgeven (Wajong), "), "the missed obligations by label")
        #expect(text.contains(FindingProse.story(analysis.findings[0])))
        // Names from the rules only in the evidence (the indented trace after "Bewijs:").
        let prose = text.components(separatedBy: "\n").filter { !$0.hasPrefix("     ") }.joined(separator: "\n")
        #expect(!prose.contains("inkomen_melden_wajong"), "\(prose)")
    }
}

/// The opening for the minister and the summary table, from the bundled rules and personas.
@Suite struct MinisterSectionTests {
    static func report() throws -> KnelpuntenRapport {
        let book = try RuleBook.bundled()
        let analyzer = try Analyzer(evaluator: book.evaluator)
        return KnelpuntenRapport.build(analyses: try book.allPersonas().compactMap { try analyzer.analyze($0) }, ruleSet: book.ruleSet)
    }

    static func population() throws -> PopulatieRapport {
        try JSONDecoder().decode(PopulatieRapport.self, from: Data(contentsOf: URL(fileURLWithPath: "\(RuleBook.packageRoot)/Reports/populatie.json")))
    }

    @Test func theReportOpensWithWhatTheMinisterMustKnow() throws {
        let r = try Self.report()
        let m = try #require(r.minister)
        #expect(m.titel == "Wat de minister moet weten")
        #expect(m.punten.map(\.id) == r.knelpunten.prefix(MinisterSectie.points).map(\.id))
        for (p, k) in zip(m.punten, r.knelpunten) {
            #expect(p.titel == k.titel)
            #expect(p.tekst.contains("trede \(k.trede)"), "\(p.tekst)")
        }
        let md = KnelpuntenMarkdown.render(r)
        let minister = try #require(md.range(of: "## Wat de minister moet weten")), summary = try #require(md.range(of: "## Samenvatting"))
        #expect(minister.lowerBound < summary.lowerBound, "the minister's section comes first")
        #expect(!md[..<minister.lowerBound].contains("## "), "and nothing before it but the title")
        // Without a population run it says the numbers come from the personas' weights.
        #expect(m.inleiding.joined().contains("geschat uit de gewichten van de persona's"))
        let html = KnelpuntenHTML.render(r)
        #expect(html.contains("<h2 id=\"minister\">Wat de minister moet weten</h2>"))
        #expect(html.range(of: "id=\"minister\"")!.lowerBound < html.range(of: "id=\"samenvatting\"")!.lowerBound)
    }

    @Test func theMoneyPerYearAddsUpToTheTotalCountedOnce() throws {
        let r = try Self.report()
        let m = try #require(r.minister)
        #expect(!m.per_jaar.isEmpty)
        let sum = m.per_jaar.reduce(Schade()) { $0 + $1.schade }
        #expect(sum == r.totaal)
    }

    @Test func everyKnelpuntThatNeedsAChangeOfTheLawNamesItsArticles() throws {
        let r = try Self.report()
        let rungThree = r.knelpunten.filter { $0.trede == SolutionRung.lawChange.rawValue }
        #expect(!rungThree.isEmpty)
        for k in rungThree {
            #expect(!k.te_wijzigen.isEmpty, "\(k.titel)")
            #expect(k.te_wijzigen.allSatisfy { !$0.bron.isEmpty && k.trede_reden.contains($0.bron) }, "\(k.trede_reden)")
        }
        let m = try #require(r.minister)
        #expect(m.oplossingen.joined().contains("Werkloosheidswet art. 19 lid 1 onderdeel e"))
        for k in r.knelpunten where k.trede != SolutionRung.lawChange.rawValue { #expect(k.beleidsruimte != nil, "\(k.titel)") }
    }

    @Test func withAPopulationTheSummaryShowsItsEstimateAndTheWiderRange() throws {
        let r = try Self.report().with(population: try Self.population())
        let m = try #require(r.minister)
        #expect(m.inleiding.joined().contains("synthetische populatie"))
        let first = try #require(r.knelpunten.first { $0.populatie != nil })
        let p = try #require(first.populatie)
        // The wider of the 95% sampling interval and the range over the assumptions.
        let s = p.samenvatting
        #expect(s.hoog - s.laag >= p.personen_hoog - p.personen_laag)
        let cell = "\(Format.count(p.personen)) (\(Format.count(s.laag)) tot \(Format.count(s.hoog)))"
        let md = KnelpuntenMarkdown.render(r)
        #expect(md.contains("| Mensen in de populatie (breedste bereik) | Mensen volgens de persona's |"))
        #expect(md.contains("| \(cell) | \(Format.count(first.personen)) |"), "\(cell)")
        let point = try #require(m.punten.first { $0.id == first.id })
        #expect(point.tekst.contains("naar schatting \(cell) mensen"), "\(point.tekst)")
        let html = KnelpuntenHTML.render(r)
        #expect(html.contains("Mensen in de populatie (breedste bereik)"))
        #expect(html.contains(HTML.escape(cell)))
    }
}
