import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

@Suite struct PopulationTests {
    let book: RuleBook
    let generator: PopulationGenerator
    init() throws {
        book = try RuleBook.bundled()
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 1000, seed: 42)
    }

    @Test func aSyntheticPersonIsTheSameForTheSameSeedAndIndex() throws {
        let a = generator.person(17).persona, b = generator.person(17).persona
        #expect(a.id == b.id)
        #expect(a.values["ww_dagloon"] == b.values["ww_dagloon"])
        #expect(a.records.map(\.value) == b.records.map(\.value))
        #expect(a.capacity == b.capacity)
        #expect(generator.person(18).persona.id != a.id)
    }

    @Test func variationsStayWithinTheirSpreads() throws {
        // Daily wage within 20% of the archetype's (Rules/analyse/populatie.regels), whole cents.
        for i in 0..<200 {
            let (p, archetype) = generator.person(i)
            guard let wage = p.values["ww_dagloon"], let base = archetype.persona.values["ww_dagloon"] else { continue }
            #expect(wage % 10_000 == 0)
            #expect(wage * 10 >= base * 8 && wage * 10 <= base * 12)
            #expect(p.capacity.values.allSatisfy { (1...5).contains($0) })
        }
    }

    @Test func incomeAStayEarnedGoesOnNamingTheStayWhenItsDatesShift() throws {
        // Stays move by up to `verschuiving_verblijf_dagen` (Rules/analyse/populatie.regels);
        // the income tied to them (Bas, Vera) must still name them, or "without the activity"
        // would leave that income behind.
        var tied = 0
        for i in 0..<300 {
            let p = generator.person(i).persona
            for line in p.records {
                guard let tie = line.earnedBy else { continue }
                tied += 1
                #expect(p.records.contains(where: tie.names), "\(p.id): \(tie.text)")
            }
        }
        #expect(tied > 0, "some synthetic people descend from Bas or Vera")
    }

    @Test func theWeightsAddUpToTheCaseloads() throws {
        // Expected synthetic people per group times the people each stands for is the caseload
        // (Rules/analyse/populatie.regels, named by each block's `bestand`).
        let caseloads = Dictionary(uniqueKeysWithValues: generator.parameters.groups.map { ($0.section, $0.caseload) })
        #expect(caseloads == ["ww": 156_400, "wajong": 245_000, "zw": 171_000])
        for group in generator.parameters.groups {
            let caseload = group.caseload
            let share = try #require(generator.groupShare[group]), weight = try #require(generator.personWeight[group])
            let total = Fixed.divide(Int64(generator.size) * share.raw, Fixed.scale, .halfAwayFromZero) * weight.raw / Fixed.scale
            #expect(abs(total - Int64(caseload)) < Int64(caseload) / 50, "\(group): \(total)")
        }
    }

    @Test func aSmallRunFindsTheKnelpuntenOfItsArchetypesAndIsRepeatable() throws {
        let small = PopulationGenerator(personas: try book.allPersonas(), parameters: generator.parameters, size: 520, seed: 3)
        let run = PopulationRun(generator: small, analyzer: try Analyzer(evaluator: book.evaluator))
        #expect(run.chunkCount == 3)
        let a = run.run()
        // In two parts, merged in chunk order: the same outcome, to the last bit.
        let b = PopulationRun.merge(run.run(chunks: run.chunks(part: 1, of: 2)) + run.run(chunks: run.chunks(part: 2, of: 2)))
        #expect(a.failures == 0, "\(a.firstFailure ?? "")")
        #expect(a.persons.values.reduce(0, +) == 520)
        #expect(a.runs >= 520 * 3, "the recorded run, the ideal path and the realistic path at least")
        #expect(a.tallies.mapValues { $0.hits } == b.tallies.mapValues { $0.hits })
        #expect(a.tallies.mapValues { $0.harmCents } == b.tallies.mapValues { $0.harmCents })
        #expect(a.tallies.mapValues { $0.harmSquares } == b.tallies.mapValues { $0.harmSquares })
        let estimates = PopulationEstimate.estimates(a, generator: small)
        #expect(estimates.allSatisfy { $0.peopleLow <= $0.people && $0.people <= $0.peopleHigh })
        #expect(estimates.contains { $0.kind == .capacityGap })
    }
}
