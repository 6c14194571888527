/// The working memory of one evaluation: one persona, one view of the agency.
/// Slot values are computed on demand and memoised per day or month, so a
/// definition that no outcome needs is never computed (and a fact that a
/// guarded branch never reads is never required).
///
/// A frame for a later decision date with the same knowledge shares the
/// frame of that knowledge (`shared`): only slots that depend on the
/// decision date are computed again; the rest are read from the shared frame.
final class Frame {
    let plan: Plan
    let facts: FactTable
    let range: EvaluationRange
    let personaID: String
    let monthOfDay: [Int]
    let shared: Frame?

    /// Where each slot's values live in the flat buffers (see `Frame.Layout`).
    private let layout: Layout
    // One allocation each, sized once: values, state (0 = not yet, 1 = being
    // computed, 2 = done) and what decided a value (`Decision`: -2 rule not
    // applicable, -1 the rule itself, k = exception k). Flat pointers rather
    // than nested arrays: no copy-on-write or exclusivity checks per access.
    private let values: UnsafeMutablePointer<Int64>
    private let state: UnsafeMutablePointer<UInt8>
    private let decidedBy: UnsafeMutablePointer<Int8>
    private var running: [[Int64]]
    private var runningUpTo: [Int]
    var benefitPayments: [[Int64]]          // per benefit, per month, once computed
    var paymentDone: [[Bool]]
    /// Obligation episodes this view worked out, at obligation × months + month
    /// (empty until the first is kept).
    private var episodeStore: [[Evaluator.Episode]?] = []

    /// Offsets of the slots a frame computes itself, in periods (days or months):
    /// a buffer read on every value, without reference counting. The frame frees it.
    struct Layout {
        let offset: UnsafeMutablePointer<Int>       // -1: not stored here
        let size: Int

        init(plan: Plan, dayCount: Int, monthCount: Int, own: (Int) -> Bool) {
            offset = .allocate(capacity: max(1, plan.slotCount))
            var total = 0
            for i in 0..<plan.slotCount {
                guard own(i) else { offset[i] = -1; continue }
                offset[i] = total
                total += plan.slots[i].periodicity == .month ? monthCount : dayCount
            }
            size = total
        }
    }

    init(plan: Plan, facts: FactTable, personaID: String, shared: Frame? = nil) {
        self.plan = plan
        self.facts = facts
        self.range = facts.range
        self.personaID = personaID
        self.shared = shared
        let days = facts.range.dayCount, months = facts.range.monthCount
        if let shared {
            monthOfDay = shared.monthOfDay
        } else {
            monthOfDay = facts.range.monthOfEachDay
        }
        // Storage only for the slots this frame computes itself.
        layout = Layout(plan: plan, dayCount: days, monthCount: months) { shared == nil || plan.decisionDependent[$0] }
        let size = max(1, layout.size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        state = .allocate(capacity: size)
        state.initialize(repeating: 0, count: size)
        decidedBy = .allocate(capacity: size)
        decidedBy.initialize(repeating: -1, count: size)
        running = Array(repeating: [], count: plan.runningTotalSites)
        runningUpTo = Array(repeating: -1, count: plan.runningTotalSites)
        benefitPayments = Array(repeating: Array(repeating: 0, count: months), count: plan.ruleSet.benefits.count)
        paymentDone = Array(repeating: Array(repeating: false, count: months), count: plan.ruleSet.benefits.count)
    }

    /// Bytes of the value buffers, for a memory that keeps views (`RunMemory`).
    var bytes: Int { layout.size * (MemoryLayout<Int64>.size + 2) }

    /// Takes over what another view of the same persona computed for the
    /// months before `month`, where its facts agree with this frame's
    /// (`FactTable.firstDifferingMonth`): the agency learning something new
    /// about March does not make January and February computed again, and a
    /// variant that changes the summer shares the spring with the recorded run.
    /// Both frames hold every slot themselves (neither is a decision frame) and
    /// their ranges start in the same month; they may end in different ones.
    func takeOver(from other: Frame, before month: Int) {
        let month = min(month, range.monthCount, other.range.monthCount)
        guard month > 0, shared == nil, other.shared == nil, other.plan === plan, other.range.firstMonth == range.firstMonth else { return }
        let days = range.days(ofMonth: month - 1).upperBound
        for slot in 0..<plan.slotCount {
            let mine = layout.offset[slot], theirs = other.layout.offset[slot]
            let count = plan.slots[slot].periodicity == .month ? month : days
            (values + mine).update(from: other.values + theirs, count: count)
            (state + mine).update(from: other.state + theirs, count: count)
            (decidedBy + mine).update(from: other.decidedBy + theirs, count: count)
        }
        for site in running.indices where other.runningUpTo[site] >= 0 {
            let upTo = min(other.runningUpTo[site], days - 1)
            running[site] = Array(repeating: 0, count: range.dayCount)
            running[site].replaceSubrange(0...upTo, with: other.running[site][0...upTo])
            runningUpTo[site] = upTo
        }
        for b in benefitPayments.indices {
            benefitPayments[b].replaceSubrange(0..<month, with: other.benefitPayments[b][0..<month])
            paymentDone[b].replaceSubrange(0..<month, with: other.paymentDone[b][0..<month])
        }
    }

    func episodes(of obligation: Int, month m: Int) -> [Evaluator.Episode]? {
        episodeStore.isEmpty ? nil : episodeStore[obligation * range.monthCount + m]
    }

    func keep(_ episodes: [Evaluator.Episode], of obligation: Int, month m: Int) {
        if episodeStore.isEmpty { episodeStore = Array(repeating: nil, count: plan.obligations.count * range.monthCount) }
        episodeStore[obligation * range.monthCount + m] = episodes
    }

    deinit {
        layout.offset.deallocate()
        values.deallocate()
        state.deallocate()
        decidedBy.deallocate()
    }

    /// The frame that holds a slot's values: another one (shared), or nil for this one.
    @inline(__always) private func owner(_ slot: Int) -> Frame? {
        if let shared, !plan.decisionDependent[slot] { return shared }
        return nil
    }

    func dayValue(_ slot: Int, _ d: Int) throws(EvaluationFailure) -> Int64 {
        if let other = owner(slot) { return try other.dayValue(slot, d) }
        return try value(slot, d, date: range.date(ofDay: d))
    }

    func monthValue(_ slot: Int, _ m: Int) throws(EvaluationFailure) -> Int64 {
        if let other = owner(slot) { return try other.monthValue(slot, m) }
        return try value(slot, m, date: range.month(m).first)
    }

    /// A slot's value in one period, computed once.
    @inline(__always) private func value(_ slot: Int, _ p: Int, date: @autoclosure () -> CivilDate) throws(EvaluationFailure) -> Int64 {
        let i = layout.offset[slot] + p
        switch state[i] {
        case 2: return values[i]
        case 1: throw EvaluationFailure(message: "kringverwijzing tijdens het rekenen", range: plan.ruleSet.values[slot].provenance.range)
        default:
            state[i] = 1
            let v: Int64
            do { v = try compute(slot, p, date: date()) } catch { state[i] = 0; throw error }
            values[i] = v
            state[i] = 2
            return v
        }
    }

    /// Which exception decided a value, for traces.
    func decided(_ slot: Int, _ p: Int) -> Int8 {
        if let other = owner(slot) { return other.decided(slot, p) }
        return decidedBy[layout.offset[slot] + p]
    }

    /// The value of a slot, decided as `ValueDeclaration.alternatives` says and
    /// settled by `ValueSemantics.settle`.
    private func compute(_ slot: Int, _ p: Int, date: CivilDate) throws(EvaluationFailure) -> Int64 {
        let s = plan.slots[slot]
        var value: Int64 = 0, decision = Decision.notApplicable
        let day = date.dayNumber
        for k in s.firstAlternative..<(s.firstAlternative + s.alternativeCount) {
            let a = plan.alternatives[k]
            guard a.valid(on: day) else { continue }
            if a.condition >= 0, try plan.evaluate(a.condition, self, p) == 0 { continue }
            value = try plan.evaluate(a.body, self, p)
            decision = a.decision
            break
        }
        decidedBy[layout.offset[slot] + p] = decision
        let settled = ValueSemantics.settle(value, rounding: s.rounding, type: s.type)
        guard settled != ValueSemantics.failed else {
            let declaration = plan.ruleSet.values[slot]
            throw EvaluationFailure(message: "de uitkomst van '\(declaration.name)' is groter dan een miljard; die kan niet kloppen",
                                    range: declaration.provenance.range)
        }
        return settled
    }

    func parameter(_ p: Parameter, on day: CivilDate, _ range: SourceRange) throws(EvaluationFailure) -> Int64 {
        guard let v = p.value(on: day) else {
            throw EvaluationFailure(message: "parameter '\(p.name)' heeft geen waarde op \(day) (eerste waarde: \(p.values.first.map { "\($0.from)" } ?? "geen"))", range: range)
        }
        return v.raw
    }

    func runningTotal(site: Int, upTo d: Int, counting: Bool, term: Plan.Compiled, failure sourceRange: SourceRange) throws(EvaluationFailure) -> Int64 {
        if running[site].isEmpty { running[site] = Array(repeating: 0, count: range.dayCount) }
        var i = runningUpTo[site] + 1
        while i <= d {
            let previous: Int64? = range.startsYear(i) ? nil : running[site][i - 1]
            let total = ValueSemantics.accumulate(previous: previous, try plan.evaluate(term, self, i), counting: counting)
            guard total != ValueSemantics.failed else { throw Program.overflow(sourceRange) }
            running[site][i] = total
            runningUpTo[site] = i
            i += 1
        }
        return running[site][d]
    }

    func benefitPayment(_ benefit: Int, _ m: Int) -> Int64 { benefitPayments[benefit][m] }

    /// Stored values for traces (after evaluation).
    func storedValue(_ slot: Int, period: Int) -> Int64? {
        if let other = owner(slot) { return other.storedValue(slot, period: period) }
        let i = layout.offset[slot] + period
        return state[i] == 2 ? values[i] : nil
    }
}
