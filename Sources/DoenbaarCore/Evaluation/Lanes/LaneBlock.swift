/// One run of a block: its views, and what each lane booked so far.
struct LaneBlock {
    let plan: Plan
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

    var failed: [Bool]
    var booked: [[[Int64]]]
    var seenEpisodes: [Set<Evaluator.EpisodeStart>]

    init(evaluator: LaneEvaluator, personas: [Persona], range: EvaluationRange) {
        plan = evaluator.plan
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
        let (personas, range, layout) = (personas, range, plan.factLayout)
        let v: LaneFrame
        if let previous = latest {
            let changed = personas.indices.filter { known[$0] != previous.known[$0] }
            let tables = personas.indices.map { lane in
                known[lane] != previous.known[lane] ? previous.tables[lane].known(at: day, persona: personas[lane], layout: layout)
                    : previous.tables[lane].deciding(on: day)
            }
            let agree = changed.map { tables[$0].firstDifferingMonth(from: previous.tables[$0]) }.min() ?? range.monthCount
            let facts = LaneFacts(updating: previous.view.facts, tables: tables, previousTables: previous.tables, changed: changed, layout: layout)
            v = LaneFrame(plan: plan, facts: facts, donor: agree > 0 ? previous.view : nil, sharedMonths: agree)
            latest = (v, tables, known)
        } else {
            // The first lane's calendar serves the others (their ages apart).
            let first = FactTable(persona: personas[0], layout: layout, range: range, knownAt: day)
            let tables = [first] + personas.indices.dropFirst().map {
                FactTable(persona: personas[$0], layout: layout, range: range, knownAt: day, calendar: first)
            }
            v = LaneFrame(plan: plan, facts: LaneFacts(tables, layout: layout))
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
}
