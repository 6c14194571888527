/// Obligations, their fines, and intents, judged per lane with the same rules
/// for every block (`Obligations.judged`, `Obligations.episodes`, `Obligations.book`, `merge`).
extension LaneBlock {
    /// Obligations of month m that can be judged now; a missed one is booked with its fine.
    /// Every obligation's episodes are worked out before any fine (the order in which a
    /// lane's first failure is found, `LaneDiagnosis`).
    mutating func judgeObligations(month m: Int, _ v: LaneFrame, decisionDate: CivilDate, into outcome: inout [MonthOutcome]) {
        // Episodes judged by an earlier view were booked then (or their lane failed): only fresh ones are looked at.
        var perObligation: [Obligations.LaneEpisodes] = []
        // What working out episodes reads, taken out of the block: a closure that captured
        // the block would copy all of it (and count every reference in it) per obligation.
        let (plan, range, lanes, pool) = (plan, range, lanes, periodColumns)
        for i in plan.obligations.indices {
            let key = i * range.monthCount + m
            if let judged, judged.unchanged(key, decisionDependent: plan.obligationDecisionDependent[i]) { continue }
            guard Obligations.judged(deadline: plan.obligations[i].deadline, month: range.month(m), on: decisionDate) else { continue }
            let judged = v.episodes(of: i, month: m) { LaneBlock.episodes(of: i, month: m, v, plan: plan, range: range, lanes: lanes, pool: pool) }
            self.judged?.kept(key, reach: judged.reach, in: v, latest: latest?.view, set: plan.obligationFactSet[i])
            reach = max(reach, judged.reach)
            // No lane with an episode or a failure (most obligations, most months): nothing to book.
            if judged.fresh && !judged.lanes.isEmpty { perObligation.append(judged.lanes) }
        }
        guard !perObligation.isEmpty else { return }
        // Each lane's obligations due are gathered here first: a lane whose list says what the lane
        // before's does is given the same list (most lanes, most months: the month's report, made).
        var due: [DueObligation] = []
        for lane in 0..<lanes where !failed[lane] {
            // A lane in which some obligation's episodes could not be worked out fails.
            guard !perObligation.contains(where: { $0.hasFailed(lane) }) else { failed[lane] = true; continue }
            due.removeAll(keepingCapacity: true)
            defer { tell(due, lane: lane, into: &outcome) }
            episodes: for found in perObligation {
                for e in found.of(lane) where firstSeen(Obligations.EpisodeStart(obligation: found.all[e].obligation, from: found.all[e].from), lane: lane) {
                    let episode = found.all[e]
                    let i = episode.obligation
                    due.append(DueObligation(obligation: plan.missedWords[i].name, obligationIndex: i,
                                             from: episode.from, through: episode.through, met: episode.met))
                    guard !episode.met else { continue }
                    do throws(EvaluationFailure) {
                        try Obligations.book(missed: episode, in: &outcome[lane], plan) { e throws(EvaluationFailure) in
                            let amount = v.column(e, episode.firstPeriod)[lane]
                            guard amount != ValueSemantics.failed else { throw EvaluationFailure(message: "", range: .synthetic) }
                            return amount
                        }
                    } catch {
                        failed[lane] = true
                        break episodes
                    }
                }
            }
        }
    }

    /// Adds a lane's obligations due (`due`) to its month: as the lane before's list, where the
    /// lane had none yet this month and they say the same.
    private func tell(_ due: [DueObligation], lane: Int, into outcome: inout [MonthOutcome]) {
        guard !due.isEmpty else { return }
        if !outcome[lane].obligationsDue.isEmpty {
            outcome[lane].obligationsDue += due
        } else if lane > 0 && LaneBlock.same(due, outcome[lane - 1].obligationsDue) {
            outcome[lane].obligationsDue = outcome[lane - 1].obligationsDue
        } else {
            outcome[lane].obligationsDue = due
        }
    }

    /// Whether two lists of obligations due say the same (the name follows from the index).
    private static func same(_ a: [DueObligation], _ b: [DueObligation]) -> Bool {
        guard a.count == b.count else { return false }
        for k in a.indices where a[k].obligationIndex != b[k].obligationIndex || a[k].from != b[k].from || a[k].through != b[k].through
            || a[k].met != b[k].met { return false }
        return true
    }

    /// Whether a lane sees an episode for the first time (and notes it). A lane sees a few dozen
    /// in a run: looked for in a list, not hashed into a set per lane.
    private mutating func firstSeen(_ start: Obligations.EpisodeStart, lane: Int) -> Bool {
        if seenEpisodes[lane].contains(start) { return false }
        seenEpisodes[lane].append(start)
        return true
    }

    /// Each lane's episodes of obligation i in month m (a lane in which a rule failed among the
    /// failed ones), and the last month read; `Plan.noEpisodes` where no lane has an episode and
    /// none failed (each lane's list looked at, for every obligation judged, only to find it empty,
    /// counted two references per lane).
    private static func episodes(of i: Int, month m: Int, _ v: LaneFrame, plan: Plan, range: EvaluationRange,
                                 lanes: Int, pool: PeriodColumnsPool) -> (lanes: Obligations.LaneEpisodes, reach: Int) {
        let o = plan.obligations[i]
        let first = o.periodicity == .month ? m : v.dayRange(ofMonth: m).lowerBound
        let daily = o.periodicity != .month
        // Most months the obligation applies to no lane: told by its first period, without
        // columns for the month, where that is its only period or a daily rule holds one value
        // all month (`MonthFlatness`; not in a trace or a diagnosis, which go day by day).
        if v.wholeMonths && !o.validity.isBounded && (!daily || v.holdsAllMonth(o.applies, m)) {
            let mark = v.scratch.mark
            defer { v.scratch.reset(to: mark) }
            let applies = v.scratch.push()
            v.evaluate(o.applies, first, into: applies)
            if !Program.any(applies, lanes, { $0 != 0 }) { return (plan.noEpisodes, m) }
        }
        // Each rule's values per period from the period before the month on, for all lanes,
        // evaluated the first time a lane reads them (a run that goes on reads further).
        let applies = pool.take(of: o.applies, in: v, from: max(0, first - 1), daily: daily)
        let met = pool.take(of: o.fulfilled, in: v, from: max(0, first - 1), daily: daily)
        defer { pool.give(applies); pool.give(met) }
        // How far the episodes read is told by the columns afterwards (`PeriodColumns.furthestRead`):
        // a variable this function set was checked for exclusive access at run time on every read.
        func read(_ p: Int, _ lane: Int, _ columns: PeriodColumns) throws(EvaluationFailure) -> Bool {
            let x = columns.value(p, lane)
            guard x != ValueSemantics.failed else { throw EvaluationFailure(message: "", range: .synthetic) }
            return x != 0
        }
        // Most months the obligation applies to no lane on any day: then no lane has an episode.
        let periods = o.periodicity == .month ? m..<(m + 1) : v.dayRange(ofMonth: m)
        let appliesNowhere = periods.allSatisfy { p in
            if o.validity.isBounded, !o.validity.contains(range.firstDay(ofPeriod: p, o.periodicity)) { return true }
            let column = applies.column(p)
            return (0..<lanes).allSatisfy { lane in column[lane] == 0 }
        }
        if appliesNowhere { return (plan.noEpisodes, m) }
        var all: [Obligations.Episode] = [], starts: [Int32] = [], failed: [Int] = []
        var runs: [(first: Int, last: Int, met: Bool)] = []
        starts.reserveCapacity(lanes + 1)
        for lane in 0..<lanes {
            starts.append(Int32(all.count))
            do {
                try Obligations.episodes(of: i, o, month: m, range: range,
                                         applies: { p throws(EvaluationFailure) in try read(p, lane, applies) },
                                         met: { p throws(EvaluationFailure) in try read(p, lane, met) }, into: &all, runs: &runs)
            } catch {
                failed.append(lane)
            }
        }
        starts.append(Int32(all.count))
        let furthest = max(applies.furthestRead, met.furthestRead)
        let found = all.isEmpty && failed.isEmpty ? plan.noEpisodes : Obligations.LaneEpisodes(all: all, starts: all.isEmpty ? [] : starts, failed: failed)
        return (found, furthest < 0 ? m : max(m, o.periodicity == .month ? furthest : v.monthOfDay[furthest]))
    }

    /// Whether each intent held this month, per lane.
    mutating func judgeIntents(month m: Int, _ v: LaneFrame, into outcome: inout [MonthOutcome]) {
        let (plan, range, lanes, count, pool) = (plan, range, lanes, plan.intents.count, periodColumns)
        let verdicts = failed.withUnsafeMutableBufferPointer {
            LaneBlock.verdicts(month: m, v, plan: plan, range: range, lanes: lanes, pool: pool, failed: $0)
        }
        // The list of each row of verdicts, told once: lanes that came out alike share it (most do).
        // Rows compared in place, and each list told found by its first lane: a list of verdicts per
        // lane, copied out to compare, counted references for every lane and month.
        var told: [(lane: Int, list: [IntentOutcome])] = []
        let month = range.month(m)
        // The month before's rows, where a row's list depends on nothing else (`intentsHoldAnyMonth`).
        let before = intentsHoldAnyMonth && lastVerdicts.count == verdicts.count ? lastVerdicts : []
        defer { lastVerdicts = verdicts }
        verdicts.withUnsafeBufferPointer { rows in before.withUnsafeBufferPointer { before in
            // Whether row a of this month and row b of `y` (this month where not given) say the same.
            func same(_ a: Int, _ b: Int, in y: UnsafeBufferPointer<UInt8>? = nil) -> Bool {
                let y = y ?? rows
                for i in 0..<count where rows[a * count + i] != y[b * count + i] { return false }
                return true
            }
            for lane in 0..<lanes where !failed[lane] {
                // A lane whose verdicts are the month before's keeps the list it was told then, as
                // comparing the list made of them with that one would find (most lanes, most months).
                if !before.isEmpty && same(lane, lane, in: before) {
                    outcome[lane].intents = lastIntents[lane]
                    continue
                }
                var known = -1
                for t in told.indices where same(told[t].lane, lane) { known = t; break }
                let list: [IntentOutcome]
                if known >= 0 {
                    list = told[known].list
                } else {
                    var made: [IntentOutcome] = []
                    made.reserveCapacity(count)
                    for i in 0..<count {
                        let code = rows[lane * count + i]
                        LaneBlock.merge(intent: i, holds: code == 0 ? nil : code == 1, month: month, into: &made, plan)
                    }
                    told.append((lane, made))
                    list = made
                }
                outcome[lane].intents = LaneBlock.kept(list, lane: lane, last: &lastIntents, same: LaneBlock.sameIntents)
            }
        } }
    }

    /// Per lane, a row of what each intent came out as in month m (0 did not apply, 1 held, 2 did
    /// not hold): lanes whose rows are alike are told one list. A lane whose condition or requirement
    /// failed is marked in `failed`. Written through buffers, made once: through lists, each write
    /// checked that the list was owned, for every intent, day and lane.
    private static func verdicts(month m: Int, _ v: LaneFrame, plan: Plan, range: EvaluationRange, lanes: Int, pool: PeriodColumnsPool,
                                 failed: UnsafeMutableBufferPointer<Bool>) -> [UInt8] {
        let count = plan.intents.count
        var verdicts = [UInt8](repeating: 0, count: lanes * count)
        verdicts.withUnsafeMutableBufferPointer { verdicts in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * lanes) { flags in
                // Per lane: whether the intent applied on some period, and whether it held on every one.
                let applies = UnsafeMutableBufferPointer(rebasing: flags[0..<lanes]), holds = UnsafeMutableBufferPointer(rebasing: flags[lanes...])
                withUnsafeTemporaryAllocation(of: Int.self, capacity: lanes) { needed in
                    for i in plan.intents.indices {
                        let compiled = plan.intents[i]
                        applies.initialize(repeating: false)
                        holds.initialize(repeating: true)
                        let daily = compiled.periodicity != .month
                        let periods = daily ? v.dayRange(ofMonth: m) : m..<(m + 1)
                        // Each rule evaluated for a period the first time it is read there (a daily one, with the rest of its month).
                        let condition = compiled.condition.map { pool.take(of: $0, in: v, from: periods.lowerBound, daily: daily) }
                        let requirement = pool.take(of: compiled.requirement, in: v, from: periods.lowerBound, daily: daily)
                        defer {
                            if let condition { pool.give(condition) }
                            pool.give(requirement)
                        }
                        for p in periods {
                            if compiled.validity.isBounded {
                                guard compiled.validity.contains(range.firstDay(ofPeriod: p, compiled.periodicity)) else { continue }
                            }
                            // The lanes whose condition holds; a failed condition fails its lane.
                            var n = 0
                            let applying = condition?.column(p)
                            for lane in 0..<lanes where !failed[lane] {
                                let c = applying?[lane] ?? 1
                                if c == ValueSemantics.failed { failed[lane] = true } else if c != 0 { needed[n] = lane; n += 1 }
                            }
                            // The requirement only where some lane needs it.
                            guard n > 0 else { continue }
                            let required = requirement.column(p)
                            for lane in needed[0..<n] {
                                applies[lane] = true
                                let r = required[lane]
                                if r == ValueSemantics.failed { failed[lane] = true } else if r == 0 { holds[lane] = false }
                            }
                        }
                        for lane in 0..<lanes where applies[lane] { verdicts[lane * count + i] = holds[lane] ? 1 : 2 }
                    }
                }
            }
        }
        return verdicts
    }

    /// Whether two lists of intent outcomes tell the same: the same versions, holding alike.
    private static func sameIntents(_ a: [IntentOutcome], _ b: [IntentOutcome]) -> Bool {
        guard a.count == b.count else { return false }
        for k in a.indices where a[k].words !== b[k].words || a[k].intentIndex != b[k].intentIndex || a[k].holds != b[k].holds { return false }
        return true
    }

    /// Adds an intent's outcome for a month to the month's list: one outcome
    /// per intent name. The versions a reform with a start date leaves (the
    /// baseline's before it, the reform's from it) count as one intent, told
    /// with the words of the version tested last in the month.
    private static func merge(intent i: Int, holds: Bool?, month: YearMonth, into out: inout [IntentOutcome], _ plan: Plan) {
        let words = plan.intentWords[i]
        let outcome = IntentOutcome(words: words, intentIndex: i, holds: holds)
        if let earlier = out.firstIndex(where: { $0.words.group == words.group }) {
            if let held = outcome.holds {
                let before = out[earlier].holds
                out[earlier] = IntentOutcome(words: words, intentIndex: i, holds: (before ?? true) && held)
            } else if out[earlier].holds == nil, plan.intents[i].validity.contains(month.first) {
                out[earlier] = outcome
            }
        } else {
            out.append(outcome)
        }
    }
}
