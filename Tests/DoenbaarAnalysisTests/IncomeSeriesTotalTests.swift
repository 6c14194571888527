import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// The detectors compare runs by their total (`IncomeSeries.totalCents(run:persona:)`),
/// worked out without the series' months: it must be the series' own total to the cent.
@Suite struct IncomeSeriesTotalTests {
    @Test func theTotalOfARunIsTheTotalOfItsSeries() throws {
        let book = try RuleBook.bundled()
        let analyzer = try Analyzer(evaluator: book.evaluator)
        var compared = 0
        for persona in try book.allPersonas() {
            guard let analysis = try analyzer.analyze(persona) else { continue }
            for run in [analysis.recorded, analysis.ideal, analysis.realistic] {
                let series = IncomeSeries(run: run, persona: persona)
                #expect(IncomeSeries.totalCents(run: run, persona: persona) == series.totalCents, "\(persona.id)")
                if series.months.contains(where: { $0.workCents != 0 }) && series.months.contains(where: { $0.paidCents != 0 }) { compared += 1 }
            }
        }
        #expect(compared > 0, "some runs hold both work income and payments")
    }
}
