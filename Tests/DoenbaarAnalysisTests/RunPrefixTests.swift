import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// The population takes a variant's run to an earlier month from a longer run of
/// the same persona (`PersonaRun.prefix(through:)`, `SharedRuns`): the recorded run
/// of someone who did everything on time from her ideal path, the ideal path over
/// her own months from the one that runs on. That is sound only where nothing in
/// those months read a later one; an obligation's episode that goes on past the
/// month does (a stay abroad is one episode to its end), and a run that ends in
/// that month cuts it off. So a prefix is given only where no episode read on, and
/// then it is the shorter run, month by month, field by field.
@Suite struct RunPrefixTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    @Test func aPrefixIsTheShorterRunAndIsRefusedWhereAnEpisodeReadOn() throws {
        let parameters = try Analyzer(evaluator: book.evaluator).parameters
        var given = 0, refused = 0, refusedAndDifferent: [String] = []
        for persona in try book.allPersonas() {
            guard let months = persona.defaultMonths else { continue }
            for (variant, p) in [("zoals vastgelegd", persona), ("ideaal pad", Paths.ideal(persona, parameters))] {
                let end = months.to.adding(months: 4)
                let long = try book.evaluator.run(p, from: months.from, to: end, trace: false)
                var month = months.from
                while month < end {
                    let short = try book.evaluator.run(p, from: months.from, to: month, trace: false)
                    let what = "\(persona.id), \(variant), tot en met \(month)"
                    if let prefix = long.prefix(through: month) {
                        given += 1
                        #expect(prefix.range == short.range, "\(what): ander bereik")
                        #expect(prefix.months.map { "\($0)" } == short.months.map { "\($0)" }, "\(what): de maanden verschillen")
                    } else {
                        refused += 1
                        let cut = long.months.prefix(short.months.count)
                        if cut.map({ "\($0)" }) != short.months.map({ "\($0)" }) { refusedAndDifferent.append(what) }
                    }
                    month = month.adding(months: 1)
                }
            }
        }
        // Most ends give a prefix; some are refused, and among those are ends where the
        // longer run's months really differ: the check is what keeps them apart.
        #expect(given > 10 * refused, "\(given) gegeven, \(refused) geweigerd")
        #expect(!refusedAndDifferent.isEmpty, "geen weigering waar de maanden verschillen: de controle is niet getoond")
        // A month that is not one of the run's months has no prefix.
        let bram = try book.run(personaNamed: "bram")
        #expect(bram.prefix(through: bram.range.firstMonth.adding(months: -1)) == nil)
        #expect(bram.prefix(through: bram.range.lastMonth.adding(months: 1)) == nil)
    }
}
