/// Obligations in a run: the stretches in which one applied and whether it was
/// met, judged once their deadline has passed, and the fine of a missed one.
/// The rules, apart from how a block of lanes evaluates them (`LaneBlock.judgeObligations`).
enum Obligations {
    /// One stretch of days (or one month) in which an obligation applied.
    struct Episode {
        let obligation: Int
        let from: CivilDate
        let through: CivilDate
        let firstPeriod: Int
        let met: Bool
    }

    /// Each lane's episodes of one obligation in one month, lane after lane in one list: a list
    /// per lane was made for every obligation, month and view in which some lane had one.
    /// Behind one reference: it is kept per view and read for every lane it judges.
    final class LaneEpisodes: Sendable {
        /// Every lane's episodes, lane by lane.
        let all: [Episode]
        /// Per lane, where its episodes begin in `all`, and then where the last lane's end (empty with no episodes).
        let starts: [Int32]
        /// The lanes in which a rule failed while working them out, in order (they have no episodes).
        let failed: [Int]

        init(all: [Episode], starts: [Int32], failed: [Int]) {
            self.all = all
            self.starts = starts
            self.failed = failed
        }

        var isEmpty: Bool { all.isEmpty && failed.isEmpty }
        func hasFailed(_ lane: Int) -> Bool { !failed.isEmpty && failed.contains(lane) }
        /// The places in `all` of a lane's episodes.
        func of(_ lane: Int) -> Range<Int> { all.isEmpty ? 0..<0 : Int(starts[lane])..<Int(starts[lane + 1]) }
    }

    /// What a missed obligation says of itself and its fines, read once per plan (`Plan.missedWords`):
    /// a lane's month then copies no declaration.
    struct Words {
        let name: String
        let source: String
        let demands: [Capacity]
        let consequences: [String]
        /// Per fine among its consequences: its share of the detriment, if any, and its compiled amount, if any.
        let fines: [(share: Int64?, amount: Program.Expression?)]
    }

    /// An episode is reported once, in the first month that judges it.
    struct EpisodeStart: Equatable {
        let obligation: Int
        let from: CivilDate
    }

    /// Whether an obligation's episodes in a month can be judged on the decision
    /// date: one due afterwards ("termijn 1 maand achteraf") only once its deadline has passed.
    /// Takes the deadline alone: this is asked of every obligation for every month up to the one
    /// decided, and the obligation taken whole was copied, its lists counted, each time.
    static func judged(deadline: Obligation.Deadline?, month: YearMonth, on decisionDate: CivilDate) -> Bool {
        guard let deadline, !deadline.before else { return true }
        let periodEnd = month.last
        let due = deadline.unit == .month ? periodEnd.adding(days: 1).adding(months: deadline.amount).adding(days: -1)
                                          : periodEnd.adding(days: deadline.amount)
        return due <= decisionDate
    }

    /// Runs of consecutive periods in month m in which obligation i applies,
    /// split where met changes; `applies` and `met` evaluate its rules on a period.
    /// Appended to `found`, and only once all are worked out (nothing where a rule fails);
    /// `runs` is room to work in, handed from lane to lane (a list per lane was made and let go).
    static func episodes(of i: Int, _ o: Plan.CompiledObligation, month m: Int, range: EvaluationRange,
                         applies rule: (Int) throws(EvaluationFailure) -> Bool,
                         met: (Int) throws(EvaluationFailure) -> Bool,
                         into found: inout [Episode], runs: inout [(first: Int, last: Int, met: Bool)]) throws(EvaluationFailure) {
        // A version of an obligation (a reform with a start date) applies only within its window.
        func applies(_ p: Int) throws(EvaluationFailure) -> Bool {
            if o.validity.isBounded {
                guard o.validity.contains(range.firstDay(ofPeriod: p, o.periodicity)) else { return false }
            }
            return try rule(p)
        }
        runs.removeAll(keepingCapacity: true)
        let periods = o.periodicity == .month ? m..<(m + 1) : range.days(ofMonth: m)
        for p in periods {
            guard try applies(p) else { continue }
            let isMet = try met(p)
            if let last = runs.last, last.last == p - 1, last.met == isMet { runs[runs.count - 1].last = p } else { runs.append((p, p, isMet)) }
        }
        // A daily run that continues from last month was judged there already.
        if o.periodicity == .day, let first = runs.first, first.first == periods.lowerBound, first.first > 0,
           try applies(first.first - 1), try met(first.first - 1) == first.met {
            runs.removeFirst()
        }
        // A daily run that goes on past the month is one episode to its end (a stay
        // abroad of three months is one missed report), so its detriment is whole.
        if o.periodicity == .day, let last = runs.last, last.last == periods.upperBound - 1 {
            var end = last.last
            while end + 1 < range.dayCount, try applies(end + 1), try met(end + 1) == last.met {
                end += 1
            }
            runs[runs.count - 1].last = end
        }
        for r in runs {
            let from = o.periodicity == .month ? range.month(r.first).first : range.date(ofDay: r.first)
            let through = o.periodicity == .month ? range.month(r.last).last : range.date(ofDay: r.last)
            found.append(Episode(obligation: i, from: from, through: through, firstPeriod: r.first, met: r.met))
        }
    }

    /// A missed obligation and its fine. A fine set as a share of the
    /// detriment takes what this month recovers for the months the episode
    /// covers (the benadelingsbedrag); without detriment the fixed amount.
    ///
    /// - Parameter amount: a fine's compiled amount, evaluated on the episode's first period.
    static func book(missed episode: Episode, in outcome: inout MonthOutcome, _ plan: Plan,
                     amount: (Program.Expression) throws(EvaluationFailure) -> Int64) throws(EvaluationFailure) {
        let o = plan.missedWords[episode.obligation]
        outcome.missedObligations.append(MissedObligation(obligation: o.name, obligationIndex: episode.obligation, source: o.source, from: episode.from,
                                                          through: episode.through, demands: o.demands, consequences: o.consequences))
        // What this month recovers for the months the episode covers, read in place.
        let (first, last) = (episode.from.yearMonth, episode.through.yearMonth)
        var detriment: Int64 = 0
        for b in outcome.benefits.indices {
            for k in outcome.benefits[b].corrections.indices {
                let (cents, month) = (outcome.benefits[b].corrections[k].cents, outcome.benefits[b].corrections[k].forMonth)
                if cents < 0 && month >= first && month <= last { detriment -= cents }
            }
        }
        for fine in o.fines {
            let cents: Int64
            if let share = fine.share, detriment > 0 {
                cents = Fixed.divide(share * detriment, Fixed.scale, .halfAwayFromZero)
            } else if let compiled = fine.amount {
                cents = Fixed(raw: try amount(compiled)).cents
            } else {
                cents = 0
            }
            outcome.fines.append(Fine(obligation: o.name, obligationIndex: episode.obligation, source: o.source, cents: cents,
                                      forPeriodStart: episode.from, detrimentCents: fine.share == nil ? nil : detriment))
        }
    }
}
