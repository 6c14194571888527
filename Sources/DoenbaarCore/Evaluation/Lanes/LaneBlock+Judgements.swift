/// Obligations, their fines, and intents, judged per lane with the same rules
/// for every block (`Evaluator.judged`, `Evaluator.episodes`, `book`, `merge`).
extension LaneBlock {
    /// Obligations of month m that can be judged now; a missed one is booked with its fine.
    /// Every obligation's episodes are worked out before any fine (the order in which a
    /// lane's first failure is found, `LaneDiagnosis`).
    mutating func judgeObligations(month m: Int, _ v: LaneFrame, decisionDate: CivilDate, into outcome: inout [MonthOutcome]) {
        let judged = plan.obligations.indices.filter { Evaluator.judged(plan.obligations[$0], month: range.month(m), on: decisionDate) }
        let perObligation = judged.map { i in v.episodes(of: i, month: m) { episodes(of: i, month: m, v) } }
        for lane in 0..<lanes where !failed[lane] {
            let found = perObligation.compactMap { $0[lane] }
            guard found.count == perObligation.count else { failed[lane] = true; continue }
            for episode in found.joined() where seenEpisodes[lane].insert(Evaluator.EpisodeStart(obligation: episode.obligation, from: episode.from)).inserted {
                let i = episode.obligation
                outcome[lane].obligationsDue.append(DueObligation(obligation: plan.ruleSet.obligations[i].name, obligationIndex: i,
                                                                  from: episode.from, through: episode.through, met: episode.met))
                guard !episode.met else { continue }
                do throws(EvaluationFailure) {
                    try Evaluator.book(missed: episode, in: &outcome[lane], plan) { e throws(EvaluationFailure) in
                        let amount = v.column(e, episode.firstPeriod)[lane]
                        guard amount != ValueSemantics.failed else { throw EvaluationFailure(message: "", range: .synthetic) }
                        return amount
                    }
                } catch {
                    failed[lane] = true
                    break
                }
            }
        }
    }

    /// Each lane's episodes of obligation i in month m (nil where a rule failed), and the last month read.
    private func episodes(of i: Int, month m: Int, _ v: LaneFrame) -> (lanes: [[Evaluator.Episode]?], reach: Int) {
        let o = plan.obligations[i]
        let first = o.periodicity == .month ? m : range.days(ofMonth: m).lowerBound
        // Each rule's values per period from the period before the month on, for all lanes,
        // evaluated the first time a lane reads them (a run that goes on reads further).
        var applies = PeriodColumns(from: max(0, first - 1), lanes: lanes), met = applies
        var reach = m
        func read(_ e: Program.Expression, _ p: Int, _ lane: Int, _ columns: inout PeriodColumns) throws(EvaluationFailure) -> Bool {
            let x = columns.value(p, lane) {
                reach = max(reach, o.periodicity == .month ? p : v.monthOfDay[p])
                return v.column(e, p)
            }
            guard x != ValueSemantics.failed else { throw EvaluationFailure(message: "", range: .synthetic) }
            return x != 0
        }
        // Most months the obligation applies to no lane on any day: then no lane has an episode.
        let periods = o.periodicity == .month ? m..<(m + 1) : range.days(ofMonth: m)
        let appliesNowhere = periods.allSatisfy { p in
            if o.validity.isBounded, !o.validity.contains(range.firstDay(ofPeriod: p, o.periodicity)) { return true }
            return (0..<lanes).allSatisfy { lane in applies.value(p, lane) { v.column(o.applies, p) } == 0 }
        }
        if appliesNowhere { return (Array(repeating: [], count: lanes), reach) }
        let perLane: [[Evaluator.Episode]?] = (0..<lanes).map { lane in
            try? Evaluator.episodes(of: i, o, month: m, range: range,
                                    applies: { p throws(EvaluationFailure) in try read(o.applies, p, lane, &applies) },
                                    met: { p throws(EvaluationFailure) in try read(o.fulfilled, p, lane, &met) })
        }
        return (perLane, reach)
    }

    /// Whether each intent held this month, per lane.
    mutating func judgeIntents(month m: Int, _ v: LaneFrame, into outcome: inout [MonthOutcome]) {
        for (i, compiled) in plan.intents.enumerated() {
            var applies = [Bool](repeating: false, count: lanes), holds = [Bool](repeating: true, count: lanes)
            let periods = compiled.periodicity == .month ? m..<(m + 1) : range.days(ofMonth: m)
            for p in periods {
                if compiled.validity.isBounded {
                    guard compiled.validity.contains(range.firstDay(ofPeriod: p, compiled.periodicity)) else { continue }
                }
                let condition = compiled.condition.map { v.column($0, p) }
                if let condition { fail(where: condition) }
                let needed = (0..<lanes).filter { !failed[$0] && (condition?[$0] ?? 1) != 0 }
                guard !needed.isEmpty else { continue }
                let requirement = v.column(compiled.requirement, p)
                for lane in needed {
                    applies[lane] = true
                    if requirement[lane] == ValueSemantics.failed { failed[lane] = true } else if requirement[lane] == 0 { holds[lane] = false }
                }
            }
            for lane in 0..<lanes where !failed[lane] {
                Evaluator.merge(intent: i, holds: applies[lane] ? holds[lane] : nil, month: range.month(m), into: &outcome[lane].intents, plan)
            }
        }
    }
}

/// An expression's values over consecutive periods from `start` on, for every
/// lane, each period evaluated on first use: one flat buffer, grown to the right.
struct PeriodColumns {
    let start: Int
    let lanes: Int
    private var values: [Int64] = []
    private var known: [Bool] = []

    init(from start: Int, lanes: Int) {
        self.start = start
        self.lanes = lanes
    }

    mutating func value(_ p: Int, _ lane: Int, _ evaluate: () -> [Int64]) -> Int64 {
        let k = p - start
        if k >= known.count {
            known += Array(repeating: false, count: k + 1 - known.count)
            values += Array(repeating: 0, count: (k + 1) * lanes - values.count)
        }
        if !known[k] {
            values.replaceSubrange((k * lanes)..<((k + 1) * lanes), with: evaluate())
            known[k] = true
        }
        return values[k * lanes + lane]
    }
}
