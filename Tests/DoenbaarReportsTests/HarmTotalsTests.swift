import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import DoenbaarTesting
import Testing

/// No total in the knelpuntenrapport adds the same euro twice, and no total
/// adds different kinds of money together.
@Suite struct HarmTotalsTests {
    let analyses: [Analyzer.PersonaAnalysis]
    let report: KnelpuntenRapport
    init() throws {
        let book = try RuleBook.bundled()
        let analyzer = try Analyzer(evaluator: book.evaluator)
        analyses = try book.allPersonas().compactMap { try analyzer.analyze($0) }
        report = KnelpuntenRapport.build(analyses: analyses, ruleSet: book.ruleSet)
    }

    @Test func knelpuntenOfOnePersonNeverShareMoney() {
        let knelpunten = Knelpunt.gather(analyses.flatMap(\.findings))
        for a in analyses {
            let harms = knelpunten.map { k in k.personaHarms.first { $0.id == a.persona.id }?.harm ?? .none }
            for (i, x) in harms.enumerated() {
                for (j, y) in harms.enumerated() where j > i {
                    #expect(!x.overlaps(y), "\(a.persona.id): \(knelpunten[i].key) and \(knelpunten[j].key) count the same money")
                }
            }
        }
    }

    @Test func theReportTotalIsTheSumOfItsKnelpuntenCountedOnce() {
        let knelpunten = Knelpunt.gather(analyses.flatMap(\.findings))
        let sum = knelpunten.reduce(Schade()) { total, k in
            k.personaHarms.reduce(total) { $0 + Schade($1.harm, times: $1.weight, outcomesOnly: true) }
        }
        #expect(sum == report.totaal)
        #expect(report.totaal.terugbetaling_cent > 0 && report.totaal.boetes_cent > 0 && report.totaal.gemist_recht_cent > 0)
    }

    @Test func aKnelpuntsYearsAddUpToItsTotal() {
        for k in report.knelpunten {
            let years = k.per_jaar.reduce(Schade()) { $0 + $1.schade }
            #expect(years == k.totaal, "\(k.id)")
        }
    }

    @Test func everyMergedEventShowsItsLensesInTheReport() {
        let lenses = analyses.flatMap(\.findings).reduce(0) { $0 + $1.lenses.count }
        let shown = report.knelpunten.flatMap(\.wat_gebeurt).reduce(0) { $0 + $1.ook_gezien_als.count }
        #expect(lenses > 0)
        #expect(shown == lenses)
        let markdown = KnelpuntenMarkdown.render(report)
        #expect(markdown.contains("Dezelfde gebeurtenis, ook gezien als inkomensschok"))
        #expect(markdown.contains("Alle knelpunten samen, elke euro één keer geteld"))
    }
}
