/// The working memory of one view of the agency for a block of lanes. A
/// slot is computed for one period for every lane at once, the first time any
/// lane needs it, and kept; so a definition that no lane needs is never
/// computed, and a fact that a guarded branch never reads is never required.
///
/// Where a value cannot be computed, a lane carries the failure mark
/// (`ValueSemantics.failed`): a lane that needs the value fails, and a lane
/// that took another branch never looks at it. That is how a fact one lane
/// lacks, or a cycle that only another lane's branch reaches, leaves the other
/// lanes alone. In a block of one lane being diagnosed, the first mark is told
/// where it arose (`LaneDiagnosis`).
///
/// A view whose facts agree with an earlier view's, in every lane, before
/// some month (`FactTable.firstDifferingMonth`) leaves those months to it:
/// what does not depend on the decision date is computed there, once, and
/// read from there. It stores only the periods it computes itself.
final class LaneFrame {
    let plan: Plan
    /// The plan's program, which the plan keeps: threads share it, and counting its
    /// references on every evaluation made both cores write the same memory (`evaluate`).
    let program: Unmanaged<Program>
    let facts: LaneFacts
    /// The `invoer` columns of the lanes, in an input run (nil for personas).
    let inputs: LaneInputs?
    /// What cannot fail in this view's run, evaluated without checks (nil: everything is checked);
    /// held so that the tables below, which are its memory, live as long as the view.
    let proof: RangeProof?
    /// The proof's and the plan's tables, read on every evaluation: held here as buffers,
    /// so reading them counts no reference.
    let cannotFail: UnsafeMutablePointer<Bool>?
    let known: UnsafeMutablePointer<RangeProof.Known>?
    private let settling: UnsafeMutablePointer<RangeProof.Settling>?
    private let slotNonNegative: UnsafeMutablePointer<Bool>?
    private let slotWhole: UnsafeMutablePointer<Bool>?
    let sameAllMonth: UnsafeMutablePointer<Bool>
    let lanes: Int
    let range: EvaluationRange
    let monthOfDay: [Int]
    /// The day number of each month's first day.
    let monthStart: [Int32]
    /// The day offset of each month's first day, and one past the last month (`dayRange(ofMonth:)`).
    private let monthFirstDay: [Int]
    /// The scratch columns, whose memory `scratchOwner` keeps.
    let scratch: ScratchStack
    private let scratchOwner: LaneScratch
    /// For a block of one lane that failed: where the failure arose (nil otherwise).
    let diagnosis: LaneDiagnosis?
    /// Whether this view keeps what decided each value (for the explanation of a run).
    let tracing: Bool
    /// Whether a daily value is computed for every day of its month at once, the
    /// first time a day of it is needed: far fewer, wider steps. Not in a trace or a
    /// diagnosis, which show the days a run looked at, and stop at the first failure.
    /// Every cell holds the same value either way (`LaneEngineTests`, the fuzz targets).
    let wholeMonths: Bool
    /// The run this view belongs to: episodes judged in a view of this run were booked by it.
    let run: LaneRun
    /// Bytes of the values this view computed itself, for a memory that keeps views (`RunMemory`).
    @exclusivity(unchecked) var bytes = 0
    /// Months before this one are read from the donors (for what does not depend on the decision date).
    let sharedMonths: Int
    /// Per month before `sharedMonths`: the view that computes it.
    let donors: [LaneFrame]
    /// The view this one continues from, over the same range: for the slots and the
    /// obligations' episodes it takes over (`setMonths`, `episodes`).
    let previous: LaneFrame?
    /// Per set of facts that slots and obligations read (`Plan.factSets`), where the view
    /// before learnt something outside some of them: the months (from `sharedMonths` on) in
    /// which what reads that set is taken from `previous` (nil: none).
    let setMonths: UnsafeMutablePointer<Int32>?
    /// Whether this view keeps, with each value that depends on the decision date, the decision
    /// days on which it comes out the same, and takes such values over from its donor where they
    /// hold on its own day (`LaneFrame+DecisionWindows.swift`). Not in a trace or a diagnosis.
    let weighsDecisions: Bool
    /// The donor, while it shares months, that such values are taken over from.
    let decisionDonor: LaneFrame?
    /// While a slot that depends on the decision date is computed: the days on which what it read
    /// so far comes out the same (nil otherwise).
    @exclusivity(unchecked) var window: DecisionWindow? = nil
    /// Per slot that depends on the decision date and month (`cellIndex`): its window, and
    /// where its values are; allocated when first needed.
    @exclusivity(unchecked) var decisionCells: UnsafeMutablePointer<DecisionCell>? = nil

    /// Per block (a slot in a month, `block`): its periods' values, a column of `lanes`
    /// values each, and their state (0 not yet, 1 being computed, 2 done); allocated when
    /// the first of them is computed, so a view holds only what it computed itself.
    private let values: LaneBlockTable<Int64>
    private let state: LaneBlockTable<UInt8>
    /// Per block, when tracing: what decided each value (`Decision`), lane by lane.
    private let decisions: LaneBlockTable<Int8>?
    private let slotCount: Int
    /// Per slot, whether it has one block that every month reads (`block`): the proof's
    /// `sameAllRange`, except in a trace, which keeps what decided each month.
    let oneBlock: UnsafeMutablePointer<Bool>?
    /// Where the blocks of values, states and decisions live.
    let arena: LaneArena
    /// Per running-total site: the totals up to `runningUpTo`, per day and lane.
    @exclusivity(unchecked) var running: [UnsafeMutablePointer<Int64>?]
    @exclusivity(unchecked) var runningUpTo: [Int]
    /// Per benefit and month (benefit × months + month): the payment of every lane, once
    /// computed (raw, whole cents), in the arena.
    let payments: UnsafeMutablePointer<UnsafeMutablePointer<Int64>?>
    /// Per running monthly expression (`ooit`, `totaal_dit_jaar` per maand): its values up to the last month computed.
    @exclusivity(unchecked) var runningMonths: [Program.Expression: RunningMonths] = [:]
    /// Per month, when first asked: per instruction and then per slot, whether it holds one
    /// value all month in every lane of this view (`MonthFlatness`).
    @exclusivity(unchecked) var flatness: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?
    /// How often a value was asked for while it was being computed (a cycle): a month's
    /// flatness decided meanwhile is not kept, as it read a mark that later reads may not.
    @exclusivity(unchecked) private(set) var cycles = 0
    /// Per obligation and month: each lane's episodes, and the last month they read.
    /// By `obligation × months + month`, made on the first one kept (a table, not a dictionary:
    /// it is looked up for every obligation and month in every view, without hashing).
    @exclusivity(unchecked) var episodeTable: [(lanes: Obligations.LaneEpisodes, reach: Int)?] = []

    /// - Parameters:
    ///   - donor: an earlier view of the same lanes, over a range that starts in the same
    ///     month, whose facts agree with these before `sharedMonths` in every lane (the
    ///     decision date aside): of this run, or of an earlier run of a variant.
    ///   - scratch: scratch columns to use, for at least `facts.lanes` lanes (made here when nil and there is no donor).
    ///   - arena: where the computed values go (a new one when nil); the caller resets a shared one only after this view is gone.
    ///   - setMonths: per set of facts that slots and obligations read (`Plan.factSets`), the months
    ///     in which they agree with the donor's (at least `sharedMonths`); for a donor over the same range.
    init(plan: Plan, facts: LaneFacts, inputs: LaneInputs? = nil, proof: RangeProof? = nil, run: LaneRun, donor: LaneFrame? = nil, sharedMonths: Int = 0,
         setMonths: [Int32]? = nil, diagnosis: LaneDiagnosis? = nil, tracing: Bool = false, wholeMonths: Bool = true, weighsDecisions: Bool = false,
         scratch: LaneScratch? = nil, arena: LaneArena? = nil) {
        precondition(scratch.map { $0.lanes >= facts.lanes } ?? true, "scratch columns hold every lane")
        self.plan = plan
        program = Unmanaged.passUnretained(plan.program)
        self.run = run
        self.facts = facts
        self.inputs = inputs
        self.proof = proof
        cannotFail = proof?.cannotFail
        known = proof?.known
        settling = proof?.settling
        slotNonNegative = proof?.slotNonNegative
        slotWhole = proof?.slotWhole
        sameAllMonth = plan.sameAllMonth
        self.arena = arena ?? LaneArena()
        self.diagnosis = diagnosis
        self.tracing = tracing
        self.wholeMonths = wholeMonths && !tracing && diagnosis == nil
        lanes = facts.lanes
        range = facts.range
        let shared = donor == nil ? 0 : min(sharedMonths, range.monthCount, donor!.range.monthCount)
        self.sharedMonths = shared
        self.weighsDecisions = weighsDecisions && self.wholeMonths
        decisionDonor = self.weighsDecisions && shared > 0 ? donor : nil
        donors = donor.map { d in (0..<shared).map { m in m < d.sharedMonths ? d.donors[m] : d } } ?? []
        // Episodes are kept by month of the range: only a view over the same range continues them.
        previous = (shared > 0 || setMonths != nil) && donor?.range == facts.range ? donor : nil
        // The facts hold the months' days already.
        monthOfDay = facts.monthOfDay
        monthFirstDay = facts.monthStarts
        if let donor, donor.range == facts.range {
            monthStart = donor.monthStart
            scratchOwner = scratch ?? donor.scratchOwner
        } else {
            monthStart = range.firstDayOfEachMonth
            scratchOwner = scratch ?? LaneScratch(lanes: lanes)
        }
        self.scratch = scratchOwner.stack
        slotCount = plan.slotCount
        oneBlock = tracing ? nil : proof?.sameAllRange
        if let setMonths, previous != nil {
            let months = self.arena.allocate(Int32.self, count: setMonths.count)
            months.initialize(from: setMonths, count: setMonths.count)
            self.setMonths = months
        } else {
            self.setMonths = nil
        }
        let blocks = plan.slotCount * range.monthCount
        values = LaneBlockTable(blocks: blocks, arena: self.arena)
        state = LaneBlockTable(blocks: blocks, arena: self.arena)
        decisions = tracing ? LaneBlockTable(blocks: blocks, arena: self.arena) : nil
        running = Array(repeating: nil, count: plan.runningTotalSites)
        runningUpTo = Array(repeating: -1, count: plan.runningTotalSites)
        let paymentCount = max(1, plan.ruleSet.benefits.count * range.monthCount)
        payments = .allocate(capacity: paymentCount)
        payments.initialize(repeating: nil, count: paymentCount)
    }

    deinit {
        // The blocks and their tables go with the arena.
        payments.deallocate()
        for r in running { r?.deallocate() }
    }

    /// A slot's values in one period (a day offset or a month offset, as the slot is declared).
    func slot(_ slot: Int, _ p: Int) -> UnsafePointer<Int64> {
        let monthly = plan.slots[slot].periodicity == .month
        let m = monthly ? p : monthOfDay[p]
        if let source = source(of: slot, m) {
            if window != nil { narrowToKept(slot, m, at: source) }
            return source._withUnsafeGuaranteedRef { $0.slot(slot, p) }
        }
        if wholeMonths && !monthly {
            let (values, flat) = monthValues(slot, m)
            return flat ? values : values + (p - monthFirstDay[m]) * lanes
        }
        let block = allocate(slot, m)
        let i = monthly ? 0 : p - monthFirstDay[m]
        let out = values[block]! + i * lanes
        switch state[block]![i] {
        case 2:
            if window != nil { narrowToKept(slot, m, at: Unmanaged.passUnretained(self)) }
        case 1:
            // A cycle: failed for every lane; a lane whose branch does not reach it drops the mark.
            diagnosis?.note(Program.cycle(at: slot, in: plan.ruleSet))
            cycles += 1
            return UnsafePointer(scratch.failedColumn)
        default:
            state[block]![i] = 1
            let opened = openWindow(slot)
            compute(slot, p, into: out, decided: decisions?[block].map { $0 + i * lanes })
            if let opened { keepWindow(slot, m, opened) }
            state[block]![i] = 2
        }
        return UnsafePointer(out)
    }

    /// The earlier view that holds a slot's values in month m, where this one takes them from
    /// it: a month before `sharedMonths` (unless the slot reads the decision date), or one in
    /// which the facts the slot reads agree with the view before's (`setMonths`). Nil: this view's own.
    /// Unretained: this view holds it, and a reference counted on every value read from an
    /// earlier view cost more than the read.
    @inline(__always)
    func source(of slot: Int, _ m: Int) -> Unmanaged<LaneFrame>? {
        if m < sharedMonths {
            if !plan.decisionDependent[slot] { return Unmanaged.passUnretained(donors[m]) }
            if decisionDonor != nil, let holder = decisionSource(slot, m) { return holder }
        }
        if let setMonths, m < Int(setMonths[Int(plan.slotFactSet[slot])]), let previous { return Unmanaged.passUnretained(previous) }
        return nil
    }

    /// How many cells of an operand's values over `n` days to look at to see what any lane
    /// needs (a branch, the right side of `en` or `of`): the first day's, for one that is
    /// the same all month.
    @inline(__always)
    func cellsToLookAt(_ x: Program.Expression, days n: Int) -> Int { sameAllMonth[Int(x)] ? lanes : n * lanes }

    /// The day offsets of month m (of the range), without a calendar conversion.
    @inline(__always)
    func dayRange(ofMonth m: Int) -> Range<Int> { monthFirstDay[m]..<monthFirstDay[m + 1] }

    /// A daily slot's values in month m: the days one after the other (each a column of lanes),
    /// or, where this view computes whole months and the slot holds one value all month in
    /// every lane (`flat`), the first day's alone. Read for a day or summed, that is the day's
    /// value; read for the month, it is broadcast into the reader's column (`Program.evaluate`,
    /// `keptValues`). Copying it to every day of the month was a fifth of the memory copied.
    func monthValues(_ slot: Int, _ m: Int) -> (values: UnsafePointer<Int64>, flat: Bool) {
        if let source = source(of: slot, m) {
            if window != nil { narrowToKept(slot, m, at: source) }
            return source._withUnsafeGuaranteedRef { $0.monthValues(slot, m) }
        }
        let days = dayRange(ofMonth: m), first = days.lowerBound, n = days.count
        let block = allocate(slot, m)
        let out = values[block]!
        guard wholeMonths else {
            // Day by day, as a trace and a diagnosis go.
            for k in 0..<n {
                let cell = out + k * lanes, v = self.slot(slot, first + k)
                // A cycle's marks are not stored in the block: copied in, so every day has its values.
                if v != UnsafePointer(cell) { cell.update(from: v, count: lanes) }
            }
            return (UnsafePointer(out), false)
        }
        let state = state[block]!
        if state[0] >= 2 && window != nil { narrowToKept(slot, m, at: Unmanaged.passUnretained(self)) }
        switch state[0] {
        case 2: return (UnsafePointer(out), false)
        case 3: return (UnsafePointer(out), true)
        case 1:
            // A cycle (see `slot`): failed on every day.
            cycles += 1
            return (UnsafePointer(scratch.failedColumn), true)
        default:
            state.update(repeating: 1, count: n)
            let opened = openWindow(slot)
            defer { if let opened { keepWindow(slot, m, opened) } }
            if holdsAllMonth(slot: slot, m) {
                compute(slot, first, days: 1, into: out, decided: nil)
                state.update(repeating: 3, count: n)
                return (UnsafePointer(out), true)
            }
            compute(slot, first, days: n, into: out, decided: nil)
            state.update(repeating: 2, count: n)
            return (UnsafePointer(out), false)
        }
    }

    /// Per instruction the same in every month (`RangeProof.Known.sameAllRange`): its column
    /// once computed; the table is allocated when the first is.
    @exclusivity(unchecked) private var invariants: UnsafeMutablePointer<UnsafePointer<Int64>?>?

    /// The column of an instruction whose values are the same in every month, computed by
    /// `compute` the first time it is asked for in this view.
    func invariant(_ x: Program.Expression, _ compute: (UnsafeMutablePointer<Int64>) -> Void) -> UnsafePointer<Int64> {
        let table: UnsafeMutablePointer<UnsafePointer<Int64>?>
        if let invariants {
            table = invariants
        } else {
            let count = program._withUnsafeGuaranteedRef { $0.codeCount }
            table = arena.allocate(UnsafePointer<Int64>?.self, count: count)
            table.initialize(repeating: nil, count: count)
            invariants = table
        }
        if let column = table[Int(x)] { return column }
        let column = arena.allocate(Int64.self, count: lanes)
        compute(column)
        table[Int(x)] = UnsafePointer(column)
        bytes += lanes * MemoryLayout<Int64>.size
        return UnsafePointer(column)
    }

    /// Monthly columns let go of (`release(month:)`), for later months' values.
    @exclusivity(unchecked) private var spare: [(values: UnsafeMutablePointer<Int64>, state: UnsafeMutablePointer<UInt8>)] = []

    /// Lets go of the monthly values of month m, for a run that is done with that month (an
    /// input run, month by month): later months' values take their memory, so a block's values
    /// stay in the core's nearest caches instead of taking new memory every month. A value of
    /// month m read after all is computed again. Not in a trace, which keeps what decided.
    func release(month m: Int) {
        guard decisions == nil else { return }
        for slot in 0..<plan.slotCount where plan.slots[slot].periodicity == .month && !(oneBlock?[slot] ?? false) {
            let block = self.block(slot, m)
            guard let column = values[block], let done = state[block] else { continue }
            values[block] = nil
            state[block] = nil
            spare.append((column, done))
        }
    }

    /// Where a slot's values in month m are kept: blocks are numbered month by month, so
    /// that the slots of the months a view computes lie together (`LaneBlockTable`). A slot
    /// the same in every month (`RangeProof.Known.sameAllRange`) has one block, its first
    /// month's, that every month reads (not in a trace, which keeps what decided each month).
    @inline(__always)
    private func block(_ slot: Int, _ m: Int) -> Int {
        if let oneBlock, oneBlock[slot] { return slot }
        return m * slotCount + slot
    }

    /// The storage of a slot's values in month m (its block), allocated when first needed.
    private func allocate(_ slot: Int, _ m: Int) -> Int {
        let block = self.block(slot, m)
        if values[block] == nil, let oneBlock, oneBlock[slot] {
            // The same in every month: one column, computed once, that every month reads.
            let column = arena.allocate(Int64.self, count: lanes), done = arena.allocate(UInt8.self, count: 1)
            done.initialize(to: 0)
            values[block] = column
            state[block] = done
            bytes += lanes * MemoryLayout<Int64>.size + 1
        } else if values[block] == nil, plan.slots[slot].periodicity == .month, let (column, done) = spare.popLast() {
            values[block] = column
            state[block] = done
            done.initialize(to: 0)
        } else if values[block] == nil {
            let periods = plan.slots[slot].periodicity == .month ? 1 : dayRange(ofMonth: m).count
            values[block] = arena.allocate(Int64.self, count: periods * lanes)
            state[block] = arena.allocate(UInt8.self, count: periods)
            state[block]!.initialize(repeating: 0, count: periods)
            decisions?[block] = arena.allocate(Int8.self, count: periods * lanes)
            bytes += periods * (lanes * (MemoryLayout<Int64>.size + (tracing ? 1 : 0)) + 1)
        }
        return block
    }

    /// The value of a slot for every lane, decided as `ValueDeclaration.alternatives`
    /// says (per lane: the first alternative that applies) and settled; for a
    /// daily slot, on `n` days from p on at once (the days one after the other).
    private func compute(_ slot: Int, _ p: Int, days n: Int = 1, into out: UnsafeMutablePointer<Int64>, decided: UnsafeMutablePointer<Int8>?) {
        let s = plan.slots[slot]
        let day = s.periodicity == .month ? monthStart[p] : range.dayNumber(ofDay: p)
        let width = n * lanes
        // Most declarations are one rule without a condition, valid on every day: its body is the value.
        if s.alternativeCount == 1, case let a = plan.alternatives[s.firstAlternative], a.condition < 0,
           a.valid(on: day), a.valid(on: day + Int32(n - 1)) {
            // Proven, and rounded to cents: in the same pass as the body's last operation where it can.
            if n == 1, decided == nil, let settling, settling[slot] == .proven, s.rounding != nil, !slotWhole![slot],
               program._withUnsafeGuaranteedRef({ $0.evaluateProvenRounded(a.body, self, p, s, nonNegative: slotNonNegative![slot], into: out) }) {
                return
            }
            evaluate(a.body, p, days: n, into: out)
            decided?.update(repeating: a.decision, count: width)
            settle(slot, s, out, width)
            return
        }
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        // One rule with a condition proven not to fail, valid on every day: its body where the
        // condition holds, zero elsewhere; no lane can fail on the condition, so none is left open.
        if s.alternativeCount == 1, decided == nil, let cannotFail, case let a = plan.alternatives[s.firstAlternative], a.condition >= 0,
           cannotFail[Int(a.condition)], a.valid(on: day), a.valid(on: day + Int32(n - 1)) {
            let condition = scratch.push()
            evaluate(a.condition, p, days: n, into: condition)
            if Program.any(condition, width, { $0 != 0 }) {
                evaluate(a.body, p, days: n, into: out)
                if known![Int(a.condition)].contains(.zeroOrOne) {
                    // A truth that is 0 or 1 is its mask's negation: zero where it does not hold.
                    for c in 0..<width { out[c] &= 0 &- condition[c] }
                } else {
                    for c in 0..<width { out[c] = Program.choose(condition[c], out[c], 0) }
                }
            } else {
                out.update(repeating: 0, count: width)
            }
            settle(slot, s, out, width)
            return
        }
        let pending = scratch.push(), condition = scratch.push(), body = scratch.push()
        for c in 0..<width { out[c] = 0; pending[c] = 1 }
        decided?.update(repeating: Decision.notApplicable, count: width)
        var open = width
        for k in s.firstAlternative..<(s.firstAlternative + s.alternativeCount) where open > 0 {
            let a = plan.alternatives[k]
            // The days on which the alternative is valid: one stretch of them.
            let from = max(0, Int(a.validFrom) - Int(day)), until = min(n, Int(a.validUntil) - Int(day))
            guard from < until else { continue }
            if a.condition >= 0 {
                evaluate(a.condition, p, days: n, into: condition)
            } else {
                for c in 0..<width { condition[c] = 1 }
            }
            // A day on which it is not valid is as if it did not apply.
            for c in 0..<(from * lanes) { condition[c] = 0 }
            for c in (until * lanes)..<width { condition[c] = 0 }
            // Lane by lane without a branch, which conditions that differ from lane to lane
            // would mispredict (`pending` is 0 or 1): a lane still open whose condition
            // failed fails; one whose condition holds takes the body.
            var failures = 0, needsBody: Int64 = 0
            for lane in 0..<width {
                let c = condition[lane], fails = pending[lane] & (c == ValueSemantics.failed ? 1 : 0)
                out[lane] = Program.choose(fails, ValueSemantics.failed, out[lane])
                pending[lane] &-= fails
                needsBody |= pending[lane] & Program.truth(c)
                failures &+= Int(fails)
            }
            open -= failures
            guard needsBody != 0 else { continue }
            evaluate(a.body, p, days: n, into: body)
            var taken = 0
            if let decided {
                // A trace also keeps which alternative decided each lane. A loop of its own: a
                // test for the trace in the loop below made the untraced run slower (0,29-0,39 s
                // against 0,27-0,29 s for the OpenFisca comparison at a million persons).
                for lane in 0..<width where pending[lane] != 0 && condition[lane] != 0 {
                    out[lane] = body[lane]
                    decided[lane] = a.decision
                    pending[lane] = 0
                    taken += 1
                }
            } else {
                for lane in 0..<width {
                    let take = pending[lane] & Program.truth(condition[lane])
                    out[lane] = Program.choose(take, body[lane], out[lane])
                    pending[lane] &-= take
                    taken &+= Int(take)
                }
            }
            open -= taken
        }
        settle(slot, s, out, width)
    }

    /// Bounds and rounds computed values as the declaration says (`ValueSemantics.settle`).
    private func settle(_ slot: Int, _ s: Plan.Slot, _ out: UnsafeMutablePointer<Int64>, _ width: Int) {
        if let diagnosis {
            for c in 0..<width {
                let settled = ValueSemantics.settle(out[c], rounding: s.rounding, unit: s.roundingUnit)
                if settled == ValueSemantics.failed && out[c] != ValueSemantics.failed { diagnosis.note(Program.tooLarge(slot, in: plan.ruleSet)) }
                out[c] = settled
            }
        } else if let settling, settling[slot] == .proven {
            // Never the mark and never above a billion: rounded without a check, not bounded;
            // not rounded at all where every value is a multiple of the unit already.
            guard let rounding = s.rounding, !slotWhole![slot] else { return }
            ValueSemantics.roundProven(out, width, unit: s.roundingUnit, rounding, nonNegative: slotNonNegative![slot])
        } else if let rounding = s.rounding {
            ValueSemantics.settle(out, width, rounding: rounding, unit: s.roundingUnit)
        } else if settling?[slot] != .inBounds {
            for c in 0..<width { out[c] = ValueSemantics.bound(out[c]) }
        }
    }

    /// A slot's value in a lane as far as computed (nil where not), for the explanation.
    func stored(_ slot: Int, _ p: Int, lane: Int) -> Int64? {
        guard let (view, block, i) = computedCell(slot, p) else { return nil }
        return view.values[block]![i * lanes + lane]
    }

    /// What decided a computed value in a lane (`Decision`), for the explanation.
    func decision(_ slot: Int, _ p: Int, lane: Int) -> Int8 {
        guard let (view, block, i) = computedCell(slot, p), let d = view.decisions?[block] else { return Decision.notApplicable }
        return d[i * lanes + lane]
    }

    /// The view that computed a slot's value in a period, its block there and the index in it.
    private func computedCell(_ slot: Int, _ p: Int) -> (view: LaneFrame, block: Int, index: Int)? {
        let monthly = plan.slots[slot].periodicity == .month
        let m = monthly ? p : monthOfDay[p]
        if let source = source(of: slot, m) { return source._withUnsafeGuaranteedRef { $0.computedCell(slot, p) } }
        let block = self.block(slot, m)
        let i = monthly ? 0 : p - monthFirstDay[m]
        guard let state = state[block], state[i] == 2 else { return nil }
        return (self, block, i)
    }

    /// An expression's values in a period, for every lane, into a column the caller owns;
    /// without counting a reference to the program (the plan holds it as long as this view lives).
    @inline(__always)
    func evaluate(_ e: Program.Expression, _ p: Int, days n: Int = 1, into out: UnsafeMutablePointer<Int64>) {
        program._withUnsafeGuaranteedRef { $0.evaluate(e, self, p, days: n, into: out) }
    }

    /// An expression's values in a period, for every lane (an obligation's,
    /// an intent's or a discretion point's rule: these are read once per view).
    func column(_ e: Program.Expression, _ p: Int) -> [Int64] {
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let out = scratch.push()
        evaluate(e, p, into: out)
        return Array(UnsafeBufferPointer(start: out, count: lanes))
    }
}
