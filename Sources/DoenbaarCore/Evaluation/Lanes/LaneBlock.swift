/// One run of a block: its views, and what each lane booked so far.
struct LaneBlock {
    let plan: Plan
    let personas: [Persona]
    let range: EvaluationRange
    let lanes: Int
    let knowledgeDates: [[CivilDate]]
    /// Each lane's lines by record kind (`FactLayout.lines(of:)`), sorted out once for all its views.
    let lines: [PersonaLines]
    /// Whether each booked amount is explained (`TraceBuilder`).
    let tracing: Bool
    /// Whether a view takes over from an earlier one the months before the first
    /// in which a lane learnt something new. Without it, a view shares only a
    /// view with the same knowledge in every lane, as a trace needs: a trace shows
    /// the values its view needed, and a view that computed later months holds the
    /// same values on more days.
    let sharing: Bool
    /// Views of earlier runs of variants of a person, for a block of one lane.
    let memory: RunMemory?
    /// Where the failure of a block of one lane arose.
    let diagnosis: LaneDiagnosis?
    /// Whether the views compute a daily value for a whole month at once (`LaneFrame.wholeMonths`).
    let wholeMonths: Bool
    /// What cannot fail in this block's range, run without checks as in an input run: a
    /// persona has no inputs and facts may be missing, so mostly constants, parameters and
    /// what is computed from them are proven, and truths and values that never pass a
    /// billion are not bounded again. Nil in a trace, which keeps what decided each value,
    /// in a diagnosis, and when not `proving` (only to compare). Made once per range and plan.
    let proof: RangeProof?

    /// The views of the month being decided, with their decision day (a few: a list, not a dictionary).
    var views: [(day: Int32, view: LaneFrame)] = []
    /// The latest view made, with its tables and how many knowledge dates
    /// each lane had passed: the next view builds only the tables of the
    /// lanes that learnt something since, and leaves to it the months before
    /// the first in which one of those lanes learnt something new.
    var latest: (view: LaneFrame, tables: [FactTable], known: [Int])? = nil

    var failed: [Bool]
    /// The last month (of the range) that working out an obligation's episodes has read so
    /// far: a stay abroad that goes on past a month is read to its end. Months after the one
    /// being decided are read only so; where none was, a run to this month gives the same
    /// months (`PersonaRun.prefix(through:)`).
    var reach = 0
    /// Without `sharing`: the first view made for each state of knowledge (how many
    /// knowledge dates each lane had passed). A later view with the same knowledge (a
    /// benefit's decision day after the next month's end) shares everything of it that
    /// does not read the decision date. With sharing, the latest view serves instead.
    var byKnowledge: [[Int]: (view: LaneFrame, tables: [FactTable])] = [:]
    /// Every view made, with the lane's table, when the run leaves its views to a memory.
    var made: [(view: LaneFrame, table: FactTable)] = []
    /// What each lane was paid of each benefit for each month, in cents: one buffer, by
    /// `(benefit × months + month) × lanes + lane` (a list per benefit and month was one
    /// allocation each per block).
    var booked: [Int64]
    /// Per lane: the episodes judged so far, each once (`firstSeen`).
    var seenEpisodes: [[Obligations.EpisodeStart]]
    /// Per obligation and month (`obligation × months + month`), when episodes are skipped
    /// (`JudgedEpisodes`): the month they last read, and below which month the views made
    /// since agree, in the facts they read, with the view that worked them out or took them over.
    var judged: JudgedEpisodes?
    let identity = LaneRun()
    /// Period columns for judging obligations and intents, handed out again (`PeriodColumnsPool`).
    let periodColumns = PeriodColumnsPool()
    /// Per benefit: what a correction booked without a trace says of itself, made once per block
    /// (a payment keeps none: `BenefitOutcome.trace`).
    let untraced: [TraceBox]
    /// Per lane: its intents' outcomes of the month before (`judgeIntents`).
    var lastIntents: [[IntentOutcome]]
    /// The month before's verdicts of every lane (`judgeIntents`), and whether a list of intents'
    /// outcomes follows from a row of verdicts alone: no version of an intent has a start or an end
    /// (`LaneBlock.merge` reads a version's validity only then).
    var lastVerdicts: [UInt8] = []
    let intentsHoldAnyMonth: Bool
    /// Per lane: its payments as booked the month before (`shareBooked`), and, in a trace, a list to book this month's in.
    var lastBenefits: [[BenefitOutcome]]
    var bookingBenefits: [[BenefitOutcome]]
    /// This month's gross amounts, by `benefit × lanes + lane`, and deductions, by
    /// `(deductionStart[benefit] + rule) × lanes + lane` (unrounded), as `book` found them.
    var bookedGross: [Int64]
    var bookedDeductions: [Int64]
    let deductionStart: [Int]
    /// Per benefit: its deduction rules' names and sources, read once per block, not per lane and month.
    let deductionRules: [[(slot: Int, name: String, source: String)]]

    init(plan: Plan, personas: [Persona], range: EvaluationRange, tracing: Bool = false, sharing: Bool = true,
         memory: RunMemory? = nil, diagnosis: LaneDiagnosis? = nil, wholeMonths: Bool = true, proving: Bool = true,
         knowledgeDates: [[CivilDate]]? = nil) {
        precondition(personas.count == 1 || (memory == nil && diagnosis == nil), "a memory and a diagnosis are for a block of one lane")
        self.plan = plan
        self.personas = personas
        self.range = range
        self.tracing = tracing
        self.sharing = sharing
        self.memory = memory
        self.diagnosis = diagnosis
        self.wholeMonths = wholeMonths
        proof = tracing || diagnosis != nil || !proving ? nil
            : plan.personaProofs.value(for: range) { RangeProof(plan: plan, range: $0, inputs: nil, inputsFromStart: false) }
        lanes = personas.count
        self.knowledgeDates = knowledgeDates ?? personas.map { $0.knowledgeDates }
        lines = personas.map(plan.factLayout.lines(of:))
        failed = Array(repeating: false, count: lanes)
        booked = Array(repeating: 0, count: plan.ruleSet.benefits.count * range.monthCount * lanes)
        // Room for a few up front: a lane sees some every run, and its list grew from nothing twice or more.
        seenEpisodes = LaneBlock.lists(lanes, room: 4)
        lastIntents = Array(repeating: [], count: lanes)
        intentsHoldAnyMonth = plan.intents.allSatisfy { !$0.validity.isBounded }
        // Views of this run alone, one after the other (no memory of other runs, no diagnosis, no trace).
        judged = sharing && memory == nil && diagnosis == nil && !tracing ? JudgedEpisodes(count: plan.obligations.count * range.monthCount) : nil
        lastBenefits = Array(repeating: [], count: lanes)
        bookingBenefits = tracing ? LaneBlock.lists(lanes, room: plan.ruleSet.benefits.count) : []
        untraced = plan.ruleSet.benefits.map { TraceBox(TraceNode(kind: .benefit, name: $0.name, value: .notTraced)) }
        deductionRules = plan.deductionSlots.map { slots in
            slots.map { (slot: $0, name: plan.ruleSet.values[$0].name, source: plan.ruleSet.values[$0].provenance.source) }
        }
        var start = 0
        deductionStart = plan.deductionSlots.map { slots in defer { start += slots.count }; return start }
        bookedGross = Array(repeating: 0, count: plan.ruleSet.benefits.count * lanes)
        bookedDeductions = Array(repeating: 0, count: start * lanes)
    }

    mutating func view(_ day: CivilDate) -> LaneFrame {
        if let v = views.first(where: { $0.day == day.dayNumber }) { return v.view }
        let known = knowledgeDates.map { dates in dates.prefix { $0 <= day }.count }
        let latestBefore = latest?.view
        let (personas, range, layout, lines) = (personas, range, plan.factLayout, lines)
        let v: LaneFrame
        if let previous = (sharing ? nil : byKnowledge[known].map({ (view: $0.view, tables: $0.tables, known: known) })) ?? latest {
            let changed = personas.indices.filter { known[$0] != previous.known[$0] }
            // A lane that learnt nothing keeps its table: the view gives the decision date itself.
            // Where no lane did, the list is kept as it is, not copied table by table; else it is made
            // lane by lane (a copy of the list, then a table set in it per lane, counted every table twice).
            var tables = changed.isEmpty ? previous.tables : []
            // The record kinds filled again in some lane: only their facts can differ from the view before.
            var refilled = [Bool](repeating: false, count: sharing && !changed.isEmpty ? layout.records.count : 0)
            if !changed.isEmpty {
                tables.reserveCapacity(lanes)
                var next = 0
                for lane in 0..<lanes {
                    guard next < changed.count && changed[next] == lane else { tables.append(previous.tables[lane]); continue }
                    // The lane's table and lines used where they lie: taken out for the call, each was counted.
                    let derived = Unmanaged.passUnretained(previous.tables[lane])._withUnsafeGuaranteedRef { table in
                        Unmanaged.passUnretained(lines[lane])._withUnsafeGuaranteedRef { lines in
                            table.known(at: day, persona: personas[lane], layout: layout, lines: lines, refilled: &refilled)
                        }
                    }
                    tables.append(derived)
                    next += 1
                }
            }
            // Where kinds fill their own facts, only the facts of those filled again can differ in a lane.
            let again = sharing && !changed.isEmpty && layout.kindsFillTheirOwnFacts ? factsFilled(again: refilled) : nil
            let facts = LaneFacts(updating: previous.view.facts, tables: tables, previousTables: previous.tables, changed: changed, decisionDay: day,
                                  layout: layout, onlyFacts: again)
            var donor: (view: LaneFrame, months: Int)? = changed.isEmpty ? (previous.view, range.monthCount) : nil
            var setMonths: [Int32]? = nil
            if sharing && !changed.isEmpty {
                let agree: Int
                if layout.kindsFillTheirOwnFacts {
                    // Only the facts of the kinds filled again can differ: each looked at once, for both answers.
                    let byFact = firstDifferingMonths(of: again ?? [], tables, previous.tables, changed: changed)
                    agree = byFact.min() ?? range.monthCount
                    if agree < range.monthCount { setMonths = monthsEachSetAgrees(byFact) }
                } else {
                    agree = changed.map { tables[$0].firstDifferingMonth(from: previous.tables[$0]) }.min() ?? range.monthCount
                    if agree < range.monthCount {
                        setMonths = monthsEachSetAgrees(tables, previous.tables, changed: changed, agree: agree)
                    }
                }
                donor = (previous.view, agree)
                // An earlier run of a variant may agree longer.
                if let other = memory?.nearest(to: day, agreeingWith: tables[0]), other.months > agree { donor = other; setMonths = nil }
            }
            v = frame(facts, donor: donor, setMonths: setMonths)
            latest = (v, tables, known)
        } else {
            // The first lane's calendar serves the others (their ages apart).
            let first = FactTable(persona: personas[0], layout: layout, range: range, knownAt: day, lines: lines[0])
            let tables = [first] + personas.indices.dropFirst().map {
                FactTable(persona: personas[$0], layout: layout, range: range, knownAt: day, calendar: first, lines: lines[$0])
            }
            v = frame(LaneFacts(tables, decisionDay: day, layout: layout), donor: sharing ? memory?.nearest(to: day, agreeingWith: first) : nil)
            latest = (v, tables, known)
        }
        judged?.note(v, after: latestBefore, plan: plan, months: range.monthCount)
        views.append((day.dayNumber, v))
        if !sharing, byKnowledge[known] == nil, let tables = latest?.tables { byKnowledge[known] = (v, tables) }
        if memory != nil, let table = latest?.tables[0] { made.append((v, table)) }
        return v
    }

    private func frame(_ facts: LaneFacts, donor: (view: LaneFrame, months: Int)?, setMonths: [Int32]? = nil) -> LaneFrame {
        // A donor that shares no month still serves where some set of facts agrees longer.
        let donor = donor.flatMap { $0.months > 0 || setMonths != nil ? $0 : nil }
        return LaneFrame(plan: plan, facts: facts, proof: proof, run: identity, donor: donor?.view, sharedMonths: donor?.months ?? 0,
                         setMonths: setMonths, diagnosis: diagnosis, tracing: tracing, wholeMonths: wholeMonths, weighsDecisions: sharing)
    }

    /// Per set of facts that slots and obligations read (`Plan.factSets`), the months in
    /// which all of them agree with the view before, in every lane that learnt something
    /// (`changed`): at least `agree`, the months in which all facts do; none for what reads
    /// the decision date. A new income line leaves the right to WW, the day wage and the
    /// stays abroad as they were, so a view takes those over from the view before instead
    /// of working them out again (`LaneFrame.source(of:_:)`, `LaneFrame.episodes`). This for
    /// rules whose kinds do not fill their own facts: every fact in some set is compared (where
    /// they do, `view` compares the facts of the kinds filled again, once for both answers).
    private func monthsEachSetAgrees(_ tables: [FactTable], _ before: [FactTable], changed: [Int], agree: Int) -> [Int32] {
        let facts = plan.inSomeFactSet.indices.filter { plan.inSomeFactSet[$0] }
        return monthsEachSetAgrees(firstDifferingMonths(of: facts, tables, before, changed: changed, floor: agree))
    }

    /// The facts of the record kinds filled again (`refilled`): where kinds fill their own
    /// facts, the only ones in which a view can differ from the view before.
    private func factsFilled(again refilled: [Bool]) -> [Int] {
        refilled.indices.filter { refilled[$0] }.flatMap { plan.factLayout.filledByKind[$0] }
    }

    /// Per fact (of all, by index), the first month in which one of `facts` differs from the
    /// view before in some lane that learnt something (`changed`); the range's month count for
    /// the others. A fact whose month is `floor` or less is not lowered further.
    private func firstDifferingMonths(of facts: [Int], _ tables: [FactTable], _ before: [FactTable], changed: [Int], floor: Int = -1) -> [Int] {
        var byFact = [Int](repeating: range.monthCount, count: plan.ruleSet.facts.count)
        if !facts.isEmpty {
            for lane in changed {
                // Both tables used where they lie (as in `view`).
                Unmanaged.passUnretained(tables[lane])._withUnsafeGuaranteedRef { table in
                    Unmanaged.passUnretained(before[lane])._withUnsafeGuaranteedRef { earlier in
                        table.lowerFirstDifferingMonths(of: facts, from: earlier, into: &byFact, floor: floor)
                    }
                }
            }
        }
        return byFact
    }

    /// Per set of facts (`Plan.factSets`), the first month in which one of its facts differs (`byFact`).
    private func monthsEachSetAgrees(_ byFact: [Int]) -> [Int32] {
        plan.factSets.indices.map { k in
            k == 0 ? 0 : Int32(plan.factSets[k].reduce(range.monthCount) { min($0, byFact[$1]) })
        }
    }

    /// An empty list per lane, each with room for `room` elements up front.
    static func lists<Element>(_ lanes: Int, room: Int) -> [[Element]] {
        (0..<lanes).map { _ in
            var list: [Element] = []
            list.reserveCapacity(room)
            return list
        }
    }

    /// The list a lane keeps for this month, from the one it was told in: the month before's
    /// (`last[lane]`), or the lane before's this month, where it says the same, else its own;
    /// `last[lane]` becomes it. Most months of most people come out as the month before (and
    /// as their neighbour's), and a list per lane and month was made and let go again.
    static func kept<Element>(_ told: [Element], lane: Int, last: inout [[Element]], same: ([Element], [Element]) -> Bool) -> [Element] {
        let list = same(told, last[lane]) ? last[lane] : lane > 0 && same(told, last[lane - 1]) ? last[lane - 1] : told
        last[lane] = list
        return list
    }

    /// Marks the lanes whose value is the failure mark.
    mutating func fail<Values: Collection<Int64>>(where values: Values) {
        for (lane, v) in values.enumerated() where v == ValueSemantics.failed { failed[lane] = true }
    }

    mutating func run() -> [PersonaRun?] {
        let benefits = plan.ruleSet.benefits
        let reported = Array(range.reportedMonths)
        // Room for every month up front: grown month by month, each lane's list was copied some five times.
        var months: [[MonthOutcome]] = LaneBlock.lists(lanes, room: reported.count)
        // Per reported month: whether nothing so far read a later month (one list for every lane of the block).
        var endsExactly: [Bool] = []
        endsExactly.reserveCapacity(reported.count)
        for k in reported {
            // A lane being diagnosed stops at its first failure, as a run that throws.
            if let diagnosis, diagnosis.hasFailed || failed[0] { break }
            let month = range.month(k), decisionDate = month.last
            diagnosis?.decisionDate = decisionDate
            // Views of earlier months are not looked at again.
            let current = [decisionDate] + benefits.map { decisionDate.adding(days: $0.decisionLagDays) }
            views.removeAll { v in !current.contains { $0.dayNumber == v.day } }
            let general = view(decisionDate), benefitViews = benefits.map { view(decisionDate.adding(days: $0.decisionLagDays)) }
            // Every payment up to this month in the general view, where intents read them (a rule
            // cannot: `ExpressionChecker`), and each benefit's in its own view: what this month
            // decides, and what it corrects. A view of another benefit reads no payment, so it
            // leaves those it does not decide alone (a payment of a decision-dependent benefit is
            // computed anew in every view).
            for m in reported where m <= k {
                for b in benefits.indices where general.paymentUnchecked(b, m) { fail(where: general.payment(b, m)) }
            }
            for (b, v) in benefitViews.enumerated() where v !== general {
                for m in reported where m <= k && v.paymentUnchecked(b, m) { fail(where: v.payment(b, m)) }
            }
            var outcome = (0..<lanes).map { _ in
                MonthOutcome(month: month, benefits: [], fines: [], missedObligations: [], obligationsDue: [], intents: [])
            }
            for lane in bookingBenefits.indices { bookingBenefits[lane].removeAll(keepingCapacity: true) }
            for (b, v) in benefitViews.enumerated() { book(benefit: b, month: k, v) }
            shareBooked(month: k, into: &outcome)
            for m in reported where m < k {
                for (b, v) in benefitViews.enumerated() { correct(benefit: b, month: m, v, into: &outcome) }
            }
            for m in reported where m <= k { judgeObligations(month: m, general, decisionDate: decisionDate, into: &outcome) }
            judgeIntents(month: k, general, into: &outcome)
            for (i, (d, scope)) in zip(plan.ruleSet.discretions, plan.discretionScopes).enumerated() {
                guard let scope, d.validity.contains(month.first) else { continue }
                let inScope = general.column(scope, k)
                fail(where: inScope)
                for lane in 0..<lanes where inScope[lane] != 0 { outcome[lane].discretionsInScope.append(i) }
            }
            // Moved out from the last lane down, not copied.
            for lane in (0..<lanes).reversed() { months[lane].append(outcome.removeLast()) }
            endsExactly.append(reach <= k)
        }
        if sharing, let memory { memory.keep(made) }
        return (0..<lanes).map { lane in
            failed[lane] ? nil : PersonaRun(personaID: personas[lane].id, personaName: personas[lane].name, weight: personas[lane].weight,
                                            range: range, months: months[lane], endsExactly: endsExactly)
        }
    }
}

/// One run of a block, as its views know it (`LaneFrame.run`).
final class LaneRun {}
