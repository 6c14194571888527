import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// A missed report is taken out of every line it covers (`Paths.apply`): the agency
/// learns of that line from a register, or some months later. A line is changed the
/// same way whichever missed decision covers it, so `apply` looks at each line once:
/// missing the reports together must be missing them one after another, and a line
/// that no missed decision covers stays as it was.
@Suite struct PathsApplyTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    @Test func missingReportsTogetherIsMissingThemOneByOne() throws {
        let parameters = try Analyzer(evaluator: book.evaluator).parameters
        let ruleSet = book.evaluator.plan.ruleSet
        let lag = parameters.undisclosedDiscoveredAfterMonths
        let model = DoenvermogenModel(parameters)
        var covered = 0, untouched = 0, byRegister = 0, alreadyDiscovered = 0
        for persona in try book.allPersonas() {
            guard let months = persona.defaultMonths else { continue }
            // The ideal path of someone who can do nothing on her own: she misses every report.
            var ideal = Paths.ideal(persona, parameters)
            for part in Capacity.allCases { ideal.capacity[part] = 1 }
            let idealRun = try book.evaluator.run(ideal, from: months.from, to: months.to, trace: false)
            let missed = Paths.realistic(ideal: ideal, idealRun: idealRun, ruleSet: ruleSet, model: model).decisions.filter { !$0.judgement.met }
            let together = Paths.apply(missed, to: ideal, ruleSet: ruleSet, discoveredAfterMonths: lag)
            let oneByOne = missed.reduce(ideal) { Paths.apply([$1], to: $0, ruleSet: ruleSet, discoveredAfterMonths: lag) }
            #expect(together == oneByOne, "\(persona.id): samen gemist is niet één voor één gemist")

            for (before, after) in zip(ideal.records, together.records) {
                let what = "\(persona.id), regel \(before.kind) \(before.from)"
                let covers = missed.contains { d in
                    guard let report = d.obligation.report, ruleSet.records[report].keyword == before.kind else { return false }
                    return before.shape == .period ? before.overlaps(d.from, d.through)
                        : before.month >= d.from.yearMonth && before.month <= d.through.yearMonth
                }
                guard covers else {
                    untouched += 1
                    #expect(after == before, "\(what): geen gemiste melding, toch veranderd")
                    continue
                }
                covered += 1
                #expect(after.knowledge.reported == nil, "\(what): nog gemeld")
                if let discovered = before.knowledge.discovered {
                    alreadyDiscovered += 1
                    #expect(after.knowledge.discovered == discovered, "\(what): ontdekking verschoven")
                } else if before.shape != .period, before.knowledge.register != nil {
                    // The register tells the agency; nobody has to discover it.
                    byRegister += 1
                    #expect(after.knowledge.discovered == nil, "\(what): ontdekt terwijl het register het meldt")
                } else {
                    let last = before.shape == .period ? before.through : before.month.last
                    #expect(after.knowledge.discovered == last.adding(months: lag), "\(what): ontdekt op een andere dag")
                }
            }
        }
        // Every branch is shown: lines covered and not, learnt from a register, discovered before.
        #expect(covered > 0 && untouched > 0 && byRegister > 0 && alreadyDiscovered > 0,
                "gedekt \(covered), ongemoeid \(untouched), via register \(byRegister), al ontdekt \(alreadyDiscovered)")
    }
}
