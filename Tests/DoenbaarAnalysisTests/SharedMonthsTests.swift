import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// A view of the agency takes over the months before its first new fact from an
/// earlier view or an earlier run of a variant (`LaneBlock.sharing`, `RunMemory`),
/// in runs without a trace: the population estimates. That may change the speed,
/// never an outcome: with and without sharing every run agrees month by month,
/// and so do the findings and their harm.
@Suite struct SharedMonthsTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func analyzers() throws -> (shared: Analyzer, alone: Analyzer) {
        var alone = book.evaluator
        alone.sharesUnchangedMonths = false
        return (try Analyzer(evaluator: book.evaluator), try Analyzer(evaluator: alone))
    }

    /// Every field of every month, traces included, compared as written out.
    func expectSame(_ a: PersonaRun, _ b: PersonaRun, _ what: String) {
        #expect(a.months.count == b.months.count, "\(what): \(a.months.count) tegen \(b.months.count) maanden")
        for (x, y) in zip(a.months, b.months) {
            let shared = "\(x)", alone = "\(y)"
            if shared != alone {
                Issue.record("\(what), \(x.month.dutch): gedeeld \(x.totalCents) ct, apart \(y.totalCents) ct; eerste verschil: \(Self.firstDifference(shared, alone))")
            }
        }
    }

    /// The text around the first place where two descriptions part.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let common = zip(a, b).prefix { $0 == $1 }.count
        func window(_ s: String) -> String { String(s.dropFirst(max(0, common - 200)).prefix(300)) }
        return "gedeeld «\(window(a))» apart «\(window(b))»"
    }

    @Test func everyBundledPersonaAndItsPathsComeOutTheSame() throws {
        let (shared, alone) = try analyzers()
        var compared = 0
        for persona in try book.allPersonas() {
            guard let months = persona.defaultMonths else { continue }
            // One context per analyzer, asked in the same order: each later run has the earlier ones in its memory.
            let a = AnalysisContext(persona: persona, evaluator: shared.evaluator, parameters: shared.parameters,
                                    from: months.from, to: months.to, estimating: true)
            let b = AnalysisContext(persona: persona, evaluator: alone.evaluator, parameters: alone.parameters,
                                    from: months.from, to: months.to, estimating: true)
            expectSame(try a.recorded(), try b.recorded(), "\(persona.id), zoals vastgelegd")
            expectSame(try a.ideal(), try b.ideal(), "\(persona.id), ideaal pad")
            expectSame(try a.idealInPeriod(), try b.idealInPeriod(), "\(persona.id), ideaal pad in de eigen maanden")
            expectSame(try a.realistic().run, try b.realistic().run, "\(persona.id), realistisch pad")
            let x = try shared.estimate(persona, from: months.from, to: months.to)
            let y = try alone.estimate(persona, from: months.from, to: months.to)
            #expect(x.findings.map { "\($0.key) \($0.harm)" } == y.findings.map { "\($0.key) \($0.harm)" }, "\(persona.id): bevindingen verschillen")
            compared += 1
        }
        #expect(compared >= 20)
    }

    @Test func syntheticPeopleGiveTheSameFindingsAndHarm() throws {
        let (shared, alone) = try analyzers()
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        let generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 150, seed: 7)
        var withFindings = 0
        for i in 0..<150 {
            let (person, archetype) = generator.person(i)
            let a = try shared.estimate(person, from: archetype.months.from, to: archetype.months.to)
            let b = try alone.estimate(person, from: archetype.months.from, to: archetype.months.to)
            #expect(a.runs == b.runs)
            #expect(a.findings.map { "\($0.key) \($0.harm)" } == b.findings.map { "\($0.key) \($0.harm)" }, "\(person.id)")
            if !a.findings.isEmpty { withFindings += 1 }
        }
        // The comparison means something only if people are found to be harmed.
        #expect(withFindings >= 15)
    }

    @Test func aVariantThatIsAPersonaRunBeforeIsNotRunAgain() throws {
        let persona = try #require(try book.allPersonas().first { $0.defaultMonths != nil })
        let months = try #require(persona.defaultMonths)
        let (shared, _) = try analyzers()
        let context = AnalysisContext(persona: persona, evaluator: shared.evaluator, parameters: shared.parameters,
                                      from: months.from, to: months.to, estimating: true)
        let first = try context.run(persona)
        let again = try context.run(persona)
        #expect(context.runs == 1, "\(persona.id): the same persona was run \(context.runs) times")
        #expect(first.months.map(\.totalCents) == again.months.map(\.totalCents))
        // Anything else is a new run: another persona, or the same one to another month.
        var other = persona
        other.birthDate = other.birthDate.adding(days: -1)
        _ = try context.run(other)
        _ = try context.run(persona, to: months.to.adding(months: 1))
        #expect(context.runs == 3)
    }

    /// A person's money, month by month: every benefit's payment and corrections, and every fine.
    static func money(_ run: PersonaRun) -> [String] {
        run.months.map { m in
            "\(m.month): " + m.benefits.map { b in "\(b.benefit) \(b.paidCents) \(b.corrections.map { "\($0.forMonth) \($0.cents)" })" }.joined(separator: ", ")
                + " boetes \(m.fines.map(\.cents))"
        }
    }

    @Test func thePopulationsWayOfRunningAPersonaGivesTheExplainedRunToTheCent() throws {
        // The explained run (one persona, with its trace, nothing shared) against the same
        // persona run the way the population runs it: no trace, inside an analysis whose
        // earlier variants (ideal path, realistic path) lend it their unchanged months.
        let (shared, _) = try analyzers()
        var compared = 0
        for persona in try book.allPersonas() {
            guard let months = persona.defaultMonths else { continue }
            let explained = try book.evaluator.run(persona, from: months.from, to: months.to, trace: true)
            let context = AnalysisContext(persona: persona, evaluator: shared.evaluator, parameters: shared.parameters,
                                          from: months.from, to: months.to, estimating: true)
            _ = try context.realistic()
            let population = try context.recorded()
            for (x, y) in zip(Self.money(explained), Self.money(population)) where x != y {
                Issue.record("\(persona.id): uitgelegd «\(x)», zoals de populatie rekent «\(y)»")
            }
            #expect(explained.months.count == population.months.count, "\(persona.id)")
            compared += 1
        }
        #expect(compared >= 20)
    }
}
