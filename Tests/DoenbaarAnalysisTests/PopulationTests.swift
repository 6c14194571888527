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
        // The people the personas of a group stand for add up to the group's caseload
        // (Rules/analyse/populatie.regels, named by each block's `bestand`).
        let caseloads = Dictionary(uniqueKeysWithValues: generator.parameters.groups.map { ($0.section, $0.caseload) })
        #expect(caseloads == ["ww": 156_400, "wajong": 245_000, "zw": 171_000])
        let people = generator.people()
        for group in generator.parameters.groups {
            let total = generator.archetypes.filter { $0.group == group }.reduce(0.0) { $0 + (people[$1.stratum] ?? 0) }
            #expect(abs(total - Double(group.caseload)) < 0.001, "\(group): \(total)")
        }
        // Calibrated: 48% of the Wajongers have work capacity (Rules/analyse/kalibratie.regels).
        let wajong = generator.archetypes.filter { $0.group.section == "wajong" }
        let capacity = wajong.filter { ($0.persona.values["wajong_arbeidsvermogen"] ?? 0) != 0 }.reduce(0.0) { $0 + (people[$1.stratum] ?? 0) }
        #expect(abs(capacity / 245_000 - 0.48) < 0.0001)
    }

    @Test func aSmallRunFindsTheKnelpuntenOfItsArchetypesAndIsRepeatable() throws {
        let small = PopulationGenerator(personas: try book.allPersonas(), parameters: generator.parameters, size: 520, seed: 3)
        let run = PopulationRun(generator: small, analyzer: try Analyzer(evaluator: book.evaluator))
        #expect(run.chunkCount == 3)
        let a = PopulationAnalysis(run).result
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
        // The three chunks analysed in one batch (their people lanes of the same blocks) or each
        // on its own: the same result per chunk, to the last bit.
        let batched = run.run(chunks: 0..<3, chunksPerBatch: 3), alone = run.run(chunks: 0..<3, chunksPerBatch: 1)
        #expect(batched.count == 3 && alone.count == 3)
        for (x, y) in zip(batched, alone) {
            #expect(x.persons == y.persons && x.runs == y.runs && x.failures == y.failures)
            #expect(x.tallies.mapValues { $0.hits } == y.tallies.mapValues { $0.hits })
            #expect(x.tallies.mapValues { $0.harmSquares } == y.tallies.mapValues { $0.harmSquares })
            #expect(x.tallies.mapValues { $0.money } == y.tallies.mapValues { $0.money })
        }
        // Only the first 300 people (a sensitivity sample): the third chunk, past them, is empty in a batch too.
        let sample = run.run(chunks: 0..<3, persons: 300, chunksPerBatch: 3)
        #expect(sample.map { $0.persons.values.reduce(0, +) } == [256, 44, 0])
        #expect(sample[1].tallies.mapValues { $0.hits } == run.run(chunks: 1..<2, persons: 300).first?.tallies.mapValues { $0.hits })
    }

    @Test func aMeasuredRunGivesTheSameResultAndTimesEveryPhaseAndDetector() throws {
        // `bench --populatie N --fasen`: the phases' CPU time kept beside the run, the run itself unchanged.
        let small = PopulationGenerator(personas: try book.allPersonas(), parameters: generator.parameters, size: 300, seed: 5)
        let plain = PopulationRun(generator: small, analyzer: try Analyzer(evaluator: book.evaluator))
        var measured = plain
        let times = PhaseTimes()
        measured.times = times
        let a = plain.run(chunks: 0..<plain.chunkCount, chunksPerBatch: 2), b = measured.run(chunks: 0..<measured.chunkCount, chunksPerBatch: 2)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            #expect(x.persons == y.persons && x.runs == y.runs && x.failures == y.failures)
            #expect(x.tallies.mapValues { $0.hits } == y.tallies.mapValues { $0.hits })
            #expect(x.tallies.mapValues { $0.money } == y.tallies.mapValues { $0.money })
        }
        // Every person has an ideal run, a run as recorded and findings; every detector looked at each.
        for phase in [PhaseTimes.Phase.ideal, .recorded, .planning, .variants, .findings, .release] {
            #expect(times.seconds(phase) > 0, "\(phase.name)")
        }
        #expect(times.detectorSeconds.count == plain.analyzer.detectors.count)
        #expect(times.detectorSeconds.allSatisfy { $0 > 0 })
        // The findings' phase is its detectors' time together.
        #expect(abs(times.detectorSeconds.reduce(0, +) - times.seconds(.findings)) < 1e-6)
    }

    @Test func theSensitivityRangeHoldsTheEstimateAndMovesTheExpectedWay() throws {
        // Only `vereist_niveau` keeps its range (1,5 to 2,5): a higher required level can only make
        // more obligations too hard, so every capacity-gap knelpunt hits at least as many people at 2,5
        // as at 1,5 (the same synthetic people, the same chance draws), and some more.
        var rules = book.ruleSet
        for i in rules.parameters.indices where rules.parameters[i].name != "vereist_niveau" { rules.parameters[i].range = nil }
        let parameters = try PopulationParameters(rules)
        let personas = try book.allPersonas()
        let generator = PopulationGenerator(personas: personas, parameters: parameters, size: 40, seed: 5, ruleSet: rules)
        let run = PopulationRun(generator: generator, analyzer: try Analyzer(evaluator: Evaluator(plan: Plan(rules))))
        let sensitivity = PopulationSensitivity(run: run, samplePersons: 40)
        #expect(sensitivity.assumptions.filter(\.needsRun).map(\.key) == ["vereist_niveau"])
        // The weights no published share fixes are assumptions too (Anna shares her class with others).
        #expect(sensitivity.assumptions.contains { $0.persona == "anna" })
        #expect(!sensitivity.assumptions.contains { $0.persona == "bram" }, "Bram's weight follows from the 52% without work capacity")
        let chunks = run.run(chunks: 0..<run.chunkCount)
        let full = PopulationRun.merge(chunks)
        let variants = try sensitivity.run(chunks: 0..<run.chunkCount, base: run)
        #expect(Set(variants.keys) == ["centraal", "vereist_niveau:laag", "vereist_niveau:hoog"])
        let swings = sensitivity.swings(full: full, variants: variants, base: run)
        let central = PopulationEstimate.points(full, people: generator.people())
        var moved = false
        for (key, list) in swings where key.hasPrefix("doenvermogenskloof") {
            let level = try #require(list.first { $0.assumption == "vereist_niveau" })
            #expect(level.high.people >= level.low.people, "\(key)")
            moved = moved || level.high.people > level.low.people
            // The whole sample is the population: at the central value the shift is nil.
            let c = try #require(central[key])
            #expect(min(level.low.people, level.high.people) <= c.people + 1e-6 && c.people <= max(level.low.people, level.high.people) + 1e-6)
        }
        #expect(moved, "a higher required level hits more people somewhere")
        // Raising the weight of a persona moves each estimate one way, lowering it the other way (or not at all).
        for (key, list) in swings {
            for s in list where s.assumption.hasPrefix("gewicht:") {
                let c = central[key]?.people ?? 0
                #expect((s.low.people - c) * (s.high.people - c) <= 1e-6, "\(key) \(s.assumption)")
            }
        }
        // Deterministic: the same run again gives the same swings.
        #expect(sensitivity.swings(full: full, variants: try sensitivity.run(chunks: 0..<run.chunkCount, base: run), base: run) == swings)
    }
}
