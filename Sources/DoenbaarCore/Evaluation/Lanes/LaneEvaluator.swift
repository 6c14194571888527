/// Runs a block of personas through a compiled plan together, one lane each,
/// month by month, deciding what `Evaluator` decides for one persona without
/// a trace: payments, deductions, corrections, obligations and their fines,
/// intents and discretion points.
///
/// The views are the same for every lane: the agency looks at the end of
/// each month, and each benefit a number of days later (`beslist ... na de
/// maand`). What a lane's view holds is what that lane's agency knew by then
/// (its own `FactTable`), so one view serves the whole block.
///
/// A lane in which something the run needs cannot be computed has no run
/// here (nil): the single lane runs it again and says why (`runs(_:...)`).
public struct LaneEvaluator: Sendable {
    public let plan: Plan
    let dependence: LaneDependence

    public init(plan: Plan) {
        self.plan = plan
        dependence = LaneDependence(plan)
    }

    /// - Parameter personas: the lanes; each is run from `from` to `to`.
    /// - Returns: per lane its run, or nil where the lane failed.
    public func runs(_ personas: [Persona], from: YearMonth, to: YearMonth) -> [PersonaRun?] {
        guard !personas.isEmpty else { return [] }
        guard Evaluator.computableMonths.contains(from), Evaluator.computableMonths.contains(to) else {
            return personas.map { _ in nil }
        }
        var block = LaneBlock(evaluator: self, personas: personas, range: EvaluationRange(from: from, to: to))
        return block.run()
    }
}

/// One run of a block: its views, and what each lane booked so far.
struct LaneBlock {
    let plan: Plan
    let dependence: LaneDependence
    let personas: [Persona]
    let range: EvaluationRange
    let lanes: Int
    let knowledgeDates: [[CivilDate]]

    /// The views of the month being decided, by decision day.
    var views: [Int32: LaneFrame] = [:]
    /// The latest view made, with its tables and how many knowledge dates
    /// each lane had passed: the next view builds only the tables of the
    /// lanes that learnt something since, and leaves to it the months before
    /// the first in which one of those lanes learnt something new.
    var latest: (view: LaneFrame, tables: [FactTable], known: [Int])? = nil
    /// The first table of each lane, which lends its calendar columns to the later ones.
    var calendars: [FactTable]? = nil

    var failed: [Bool]
    var booked: [[[Int64]]]
    var seenEpisodes: [Set<Evaluator.EpisodeStart>]

    init(evaluator: LaneEvaluator, personas: [Persona], range: EvaluationRange) {
        plan = evaluator.plan
        dependence = evaluator.dependence
        self.personas = personas
        self.range = range
        lanes = personas.count
        knowledgeDates = personas.map { Evaluator.knowledgeDates(of: $0) }
        failed = Array(repeating: false, count: lanes)
        booked = Array(repeating: Array(repeating: Array(repeating: 0, count: lanes), count: range.monthCount), count: plan.ruleSet.benefits.count)
        seenEpisodes = Array(repeating: [], count: lanes)
    }

    mutating func view(_ day: CivilDate) -> LaneFrame {
        if let v = views[day.dayNumber] { return v }
        let known = knowledgeDates.map { dates in dates.prefix { $0 <= day }.count }
        let (personas, range, layout, calendars) = (personas, range, plan.factLayout, calendars)
        func table(_ lane: Int) -> FactTable {
            FactTable(persona: personas[lane], layout: layout, range: range, knownAt: day, calendar: calendars?[lane])
        }
        let v: LaneFrame
        if let previous = latest {
            let changed = personas.indices.filter { known[$0] != previous.known[$0] }
            let tables = personas.indices.map { lane in
                changed.contains(lane) ? previous.tables[lane].known(at: day, persona: personas[lane], layout: layout) : previous.tables[lane].deciding(on: day)
            }
            let agree = changed.map { tables[$0].firstDifferingMonth(from: previous.tables[$0]) }.min() ?? range.monthCount
            let facts = LaneFacts(updating: previous.view.facts, tables: tables, previousTables: previous.tables, changed: changed, layout: layout)
            v = LaneFrame(plan: plan, facts: facts, dependence: dependence, donor: agree > 0 ? previous.view : nil, sharedMonths: agree)
            latest = (v, tables, known)
        } else {
            // The first lane's calendar serves the others (their ages apart).
            let first = table(0)
            let tables = [first] + personas.indices.dropFirst().map {
                FactTable(persona: personas[$0], layout: layout, range: range, knownAt: day, calendar: first)
            }
            self.calendars = tables
            v = LaneFrame(plan: plan, facts: LaneFacts(tables, layout: layout), dependence: dependence)
            latest = (v, tables, known)
        }
        views[day.dayNumber] = v
        return v
    }

    /// Marks the lanes whose value is the failure mark.
    mutating func fail(where values: [Int64]) {
        for (lane, v) in values.enumerated() where v == ValueSemantics.failed { failed[lane] = true }
    }

    mutating func run() -> [PersonaRun?] {
        let benefits = plan.ruleSet.benefits
        let reported = Array(range.reportedMonths)
        var months = Array(repeating: [MonthOutcome](), count: lanes)
        for k in reported {
            let month = range.month(k), decisionDate = month.last
            // Views of earlier months are not looked at again.
            let current = [decisionDate] + benefits.map { decisionDate.adding(days: $0.decisionLagDays) }
            views = views.filter { key, _ in current.contains { $0.dayNumber == key } }
            let general = view(decisionDate), benefitViews = benefits.map { view(decisionDate.adding(days: $0.decisionLagDays)) }
            // Every payment up to this month in every view of the month, as the single lane computes them.
            for v in [general] + benefitViews {
                for m in reported where m <= k {
                    for b in benefits.indices { fail(where: v.payment(b, m)) }
                }
            }
            var outcome = Array(repeating: MonthOutcome(month: month, benefits: [], fines: [], missedObligations: [], obligationsDue: [], intents: []),
                                count: lanes)
            for (b, v) in benefitViews.enumerated() { book(benefit: b, month: k, v, into: &outcome) }
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
            for lane in 0..<lanes { months[lane].append(outcome[lane]) }
        }
        return (0..<lanes).map { lane in
            failed[lane] ? nil : PersonaRun(personaID: personas[lane].id, personaName: personas[lane].name, weight: personas[lane].weight,
                                            range: range, months: months[lane])
        }
    }

    private func untraced(_ b: Int) -> TraceNode { TraceNode(kind: .benefit, name: plan.ruleSet.benefits[b].name, value: .notTraced) }

    /// This month's payment of a benefit, with its gross amount and deductions.
    private mutating func book(benefit b: Int, month k: Int, _ v: LaneFrame, into outcome: inout [MonthOutcome]) {
        var gross = [Int64](repeating: 0, count: lanes)
        for slot in plan.paymentSlots[b] {
            for (lane, x) in v.total(slot, k).enumerated() { gross[lane] = ValueSemantics.add(gross[lane], x) }
        }
        fail(where: gross)
        let deductions = plan.deductionSlots[b].map { slot in (slot, v.total(slot, k)) }
        for (_, d) in deductions { fail(where: d) }
        let paid = v.payment(b, k)
        for lane in 0..<lanes where !failed[lane] {
            let declared = deductions.map { slot, totals in
                Deduction(rule: plan.ruleSet.values[slot].name, slot: slot, source: plan.ruleSet.values[slot].provenance.source, cents: Fixed(raw: totals[lane]).cents)
            }
            outcome[lane].benefits.append(BenefitOutcome(benefit: plan.ruleSet.benefits[b].name, benefitIndex: b, grossCents: Fixed(raw: gross[lane]).cents,
                                                         deductions: declared, paidCents: paid[lane] / 10_000, corrections: [], trace: untraced(b)))
            booked[b][k][lane] = paid[lane] / 10_000
        }
    }

    /// A correction for an earlier month, where what is known now changes its payment.
    private mutating func correct(benefit b: Int, month m: Int, _ v: LaneFrame, into outcome: inout [MonthOutcome]) {
        let now = v.payment(b, m)
        for lane in 0..<lanes where !failed[lane] && now[lane] / 10_000 != booked[b][m][lane] {
            outcome[lane].benefits[b].corrections.append(Correction(forMonth: range.month(m), cents: now[lane] / 10_000 - booked[b][m][lane], trace: untraced(b)))
            booked[b][m][lane] = now[lane] / 10_000
        }
    }

    /// Obligations of month m that can be judged now; a missed one is booked with its fine.
    private mutating func judgeObligations(month m: Int, _ v: LaneFrame, decisionDate: CivilDate, into outcome: inout [MonthOutcome]) {
        for i in plan.obligations.indices where Evaluator.judged(plan.obligations[i], month: range.month(m), on: decisionDate) {
            let perLane = v.episodes(of: i, month: m) { episodes(of: i, month: m, v) }
            for lane in 0..<lanes where !failed[lane] {
                guard let episodes = perLane[lane] else { failed[lane] = true; continue }
                for episode in episodes where seenEpisodes[lane].insert(Evaluator.EpisodeStart(obligation: i, from: episode.from)).inserted {
                    outcome[lane].obligationsDue.append(DueObligation(obligation: plan.ruleSet.obligations[i].name, obligationIndex: i,
                                                                      from: episode.from, through: episode.through, met: episode.met))
                    guard !episode.met else { continue }
                    do throws(EvaluationFailure) {
                        try Evaluator(plan: plan).book(missed: episode, in: &outcome[lane]) { e throws(EvaluationFailure) in
                            let amount = v.column(e, episode.firstPeriod)[lane]
                            guard amount != ValueSemantics.failed else { throw EvaluationFailure(message: "", range: .synthetic) }
                            return amount
                        }
                    } catch {
                        failed[lane] = true
                    }
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
        let perLane: [[Evaluator.Episode]?] = (0..<lanes).map { lane in
            try? Evaluator.episodes(of: i, o, month: m, range: range,
                                    applies: { p throws(EvaluationFailure) in try read(o.applies, p, lane, &applies) },
                                    met: { p throws(EvaluationFailure) in try read(o.fulfilled, p, lane, &met) })
        }
        return (perLane, reach)
    }

    /// Whether each intent held this month, per lane.
    private mutating func judgeIntents(month m: Int, _ v: LaneFrame, into outcome: inout [MonthOutcome]) {
        for (i, compiled) in plan.intents.enumerated() {
            var applies = [Bool](repeating: false, count: lanes), holds = [Bool](repeating: true, count: lanes)
            let periods = compiled.periodicity == .month ? m..<(m + 1) : range.days(ofMonth: m)
            for p in periods {
                if compiled.validity.isBounded {
                    let day = compiled.periodicity == .month ? range.month(p).first : range.date(ofDay: p)
                    guard compiled.validity.contains(day) else { continue }
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
