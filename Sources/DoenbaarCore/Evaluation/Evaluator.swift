/// Runs a persona through a compiled plan, month by month.
///
/// Facts have two times: when they happened and when the agency knew them.
/// The payment for a month is decided on what was known at the end of that
/// month. At the end of every later month the agency looks again with what it
/// knows then; where that changes what a past month should have paid, the
/// difference is booked as a back-payment or a recovery. No benefit has a
/// special case for this: corrections fall out of the difference.
public struct Evaluator: Sendable {
    public let plan: Plan
    /// Whether a view takes over the months before its first new fact from an
    /// earlier view or run (`Frame.takeOver`, `RunMemory`). Off only to show
    /// that sharing changes no outcome, and to measure what it saves.
    public var sharesUnchangedMonths = true

    public init(plan: Plan) { self.plan = plan }

    /// A failure during a run, with the persona and the declaration where it happened.
    public struct RunError: Error, Sendable {
        public let personaID: String
        public let failure: EvaluationFailure
        public let decisionDate: CivilDate
        /// Where the persona should have given the missing fact: its block, or its header.
        public var missingAt: SourceRange? = nil

        /// The failure at the declaration that needed the value, with a note at the persona.
        public var diagnostic: Diagnostic {
            let notes = zip([missingAt].compactMap { $0 }, [failure.missingFact].compactMap { $0 }).map { range, fact in
                Diagnostic.Note(range: range, message: "persona '\(personaID)' geeft '\(fact)' niet")
            }
            return Diagnostic(.evaluation, at: failure.range,
                              "persona '\(personaID)', beslisdatum \(decisionDate): \(failure.message)", notes: notes)
        }
    }

    /// The months a run can cover: dates run from 1800 to 2999, and a month is
    /// decided (and its consequences booked) some weeks after it ends.
    public static let computableMonths = YearMonth(year: 1800, month: 1)...YearMonth(year: 2999, month: 10)

    /// Views share months only in runs without a trace (`sharesUnchangedMonths`):
    /// a trace shows the values its run needed, on the days it needed them, and a
    /// view that computed later months holds the same values on more days; the
    /// amounts would agree and the explanation would not.
    ///
    /// - Parameter memory: views of earlier runs of variants of this persona to
    ///   take unchanged months from; this run's views are added to it.
    public func run(_ persona: Persona, from: YearMonth, to: YearMonth, trace: Bool = true,
                    memory: RunMemory? = nil) throws(RunError) -> PersonaRun {
        let sharing = sharesUnchangedMonths && !trace
        for m in [from, to] where !Self.computableMonths.contains(m) {
            throw RunError(personaID: persona.id,
                           failure: EvaluationFailure(message: "\(m.dutch) valt buiten de maanden die Doenbaar kan doorrekenen (\(Self.computableMonths.lowerBound.dutch) tot en met \(Self.computableMonths.upperBound.dutch))", range: persona.range),
                           decisionDate: (m < Self.computableMonths.lowerBound ? Self.computableMonths.lowerBound : Self.computableMonths.upperBound).last)
        }
        let range = EvaluationRange(from: from, to: to)
        let reported = Array(range.reportedMonths)
        var frames: [Int: Frame] = [:]        // by number of knowledge dates passed, or by month
        let knowledgeDates = Evaluator.knowledgeDates(of: persona)

        // The agency's view on a day. Days on which it learnt nothing new share
        // a frame, unless the rules read the decision date itself.
        var decisionFrames: [Int32: Frame] = [:]  // by decision day, when the rules read it
        var latest: Frame? = nil
        func frame(knownAt day: CivilDate) -> Frame {
            let key = knowledgeDates.prefix { $0 <= day }.count
            let base: Frame
            if let f = frames[key] { base = f } else {
                // The table of the latest view made, refilled where the agency learnt something since.
                let facts = latest.map { $0.facts.known(at: day, persona: persona, layout: plan.factLayout) }
                    ?? FactTable(persona: persona, layout: plan.factLayout, range: range, knownAt: day)
                base = Frame(plan: plan, facts: facts, personaID: persona.id)
                latest = base
                // Months before the first news were computed by an earlier view of this
                // run, or of an earlier run in the memory: take them over from the view
                // that agrees longest.
                if sharing {
                    let own = frames.filter({ $0.key < key }).max(by: { $0.key < $1.key })?.value
                        ?? frames.min(by: { $0.key < $1.key })?.value
                    let donors = (own.map { [$0] } ?? []) + (memory?.nearest(to: day) ?? [])
                    if let (donor, month) = donors.map({ ($0, base.facts.firstDifferingMonth(from: $0.facts)) }).max(by: { $0.1 < $1.1 }) {
                        base.takeOver(from: donor, before: month)
                    }
                }
                frames[key] = base
            }
            guard plan.readsDecisionDate else { return base }
            if let f = decisionFrames[day.dayNumber] { return f }
            let f = Frame(plan: plan, facts: base.facts.deciding(on: day), personaID: persona.id, shared: base)
            decisionFrames[day.dayNumber] = f
            return f
        }

        var months: [MonthOutcome] = []
        var booked: [[Int64]] = Array(repeating: Array(repeating: 0, count: range.monthCount), count: plan.ruleSet.benefits.count)
        var seenEpisodes = Set<EpisodeStart>()
        for k in reported {
            let decisionDate = range.month(k).last
            let view = frame(knownAt: decisionDate)
            // Each benefit decides its month on its own day (WW after the income form is in).
            let benefitViews = plan.ruleSet.benefits.map { frame(knownAt: decisionDate.adding(days: $0.decisionLagDays)) }
            do throws(EvaluationFailure) {
                var outcome = MonthOutcome(month: range.month(k), benefits: [], fines: [], missedObligations: [], obligationsDue: [], intents: [])
                // This month's payments.
                var computed: [ObjectIdentifier] = []
                for v in [view] + benefitViews where !computed.contains(ObjectIdentifier(v)) {
                    computed.append(ObjectIdentifier(v))
                    for m in reported where m <= k { try computePayments(v, m) }
                }
                for (b, benefitView) in benefitViews.enumerated() {
                    let o = try benefitOutcome(benefitView, b, k, trace: trace)
                    booked[b][k] = o.paidCents
                    outcome.benefits.append(o)
                }
                // Corrections for earlier months, seen with what is known now.
                for m in reported where m < k {
                    for (b, benefitView) in benefitViews.enumerated() {
                        let now = benefitView.benefitPayments[b][m] / 10_000
                        if now != booked[b][m] {
                            var builder = TraceBuilder(frame: benefitView, month: m)
                            let explanation = trace ? paymentTrace(&builder, b, m) : TraceNode(kind: .benefit, name: plan.ruleSet.benefits[b].name, value: .notTraced)
                            outcome.benefits[b].corrections.append(Correction(forMonth: range.month(m), cents: now - booked[b][m], trace: explanation))
                            booked[b][m] = now
                        }
                    }
                }
                // Obligations, judged once the agency can see them and their
                // deadline has passed; a missed one is booked in that month.
                for m in reported where m <= k {
                    for episode in try obligationEpisodes(view, m, decisionDate: decisionDate)
                    where seenEpisodes.insert(EpisodeStart(obligation: episode.obligation, from: episode.from)).inserted {
                        outcome.obligationsDue.append(DueObligation(obligation: plan.ruleSet.obligations[episode.obligation].name, obligationIndex: episode.obligation,
                                                                    from: episode.from, through: episode.through, met: episode.met))
                        if !episode.met { try Evaluator.book(missed: episode, in: &outcome, plan) { e throws(EvaluationFailure) in try plan.evaluate(e, view, episode.firstPeriod) } }
                    }
                }
                outcome.intents = try intents(view, k)
                for (i, (d, scope)) in zip(plan.ruleSet.discretions, plan.discretionScopes).enumerated() {
                    if let scope, d.validity.contains(range.month(k).first), try plan.evaluate(scope, view, k) != 0 { outcome.discretionsInScope.append(i) }
                }
                months.append(outcome)
            } catch {
                throw RunError(personaID: persona.id, failure: error, decisionDate: decisionDate,
                               missingAt: error.missingFact.map { place(of: $0, in: persona) })
            }
        }
        if sharing { memory?.keep(frames.values) }
        return PersonaRun(personaID: persona.id, personaName: persona.name, weight: persona.weight, range: range, months: months)
    }

    /// The block of the persona file that gives a fact, or else its header.
    private func place(of fact: String, in persona: Persona) -> SourceRange {
        let block = plan.ruleSet.fact(named: fact).flatMap { plan.ruleSet.field(filling: $0)?.section.keyword }
        return block.flatMap { persona.sections[$0] } ?? persona.range
    }

    /// Every date on which the agency learnt something new about the persona.
    static func knowledgeDates(of p: Persona) -> [CivilDate] {
        var dates = Set<CivilDate>()
        for r in p.records { dates.formUnion(r.knowledge.dates) }
        return dates.sorted()
    }

    private func slotTotal(_ frame: Frame, _ slot: Int, _ m: Int) throws(EvaluationFailure) -> Int64 {
        if plan.slots[slot].periodicity == .month { return try frame.monthValue(slot, m) }
        var total: Int64 = 0
        for d in frame.range.days(ofMonth: m) { total += try frame.dayValue(slot, d) }
        return total
    }

    /// The payment of every benefit in month m as this frame sees it. A benefit
    /// that does not depend on the decision date is computed once per
    /// knowledge (in the shared frame) and copied.
    private func computePayments(_ frame: Frame, _ m: Int) throws(EvaluationFailure) {
        for b in plan.ruleSet.benefits.indices {
            let target = frame.shared.flatMap { plan.benefitDecisionDependent[b] ? nil : $0 } ?? frame
            if !target.paymentDone[b][m] {
                var gross: Int64 = 0, deducted: Int64 = 0
                for slot in plan.paymentSlots[b] { gross += try slotTotal(target, slot, m) }
                for slot in plan.deductionSlots[b] { deducted += try slotTotal(target, slot, m) }
                target.benefitPayments[b][m] = ValueSemantics.payment(gross: gross, deducted: deducted)
                target.paymentDone[b][m] = true
            }
            if target !== frame { frame.benefitPayments[b][m] = target.benefitPayments[b][m] }
        }
    }

    private func benefitOutcome(_ frame: Frame, _ b: Int, _ m: Int, trace: Bool) throws(EvaluationFailure) -> BenefitOutcome {
        var gross: Int64 = 0
        for slot in plan.paymentSlots[b] { gross += try slotTotal(frame, slot, m) }
        var deductions: [Deduction] = []
        for slot in plan.deductionSlots[b] {
            let d = plan.ruleSet.values[slot]
            deductions.append(Deduction(rule: d.name, slot: slot, source: d.provenance.source, cents: Fixed(raw: try slotTotal(frame, slot, m)).cents))
        }
        var builder = TraceBuilder(frame: frame, month: m)
        let node = trace ? paymentTrace(&builder, b, m) : TraceNode(kind: .benefit, name: plan.ruleSet.benefits[b].name, value: .notTraced)
        return BenefitOutcome(benefit: plan.ruleSet.benefits[b].name, benefitIndex: b, grossCents: Fixed(raw: gross).cents, deductions: deductions,
                              paidCents: frame.benefitPayments[b][m] / 10_000, corrections: [], trace: node)
    }

    /// The payment of a benefit in a month, explained by its payment and
    /// deduction rules in the order they were written. Their totals were
    /// computed without failure for this frame and month before any trace is asked for.
    private func paymentTrace(_ builder: inout TraceBuilder, _ b: Int, _ m: Int) -> TraceNode {
        let benefit = plan.ruleSet.benefits[b]
        var gross: Int64 = 0, deducted: Int64 = 0
        for slot in plan.paymentSlots[b] { gross += (try? slotTotal(builder.frame, slot, m)) ?? 0 }
        for slot in plan.deductionSlots[b] { deducted += (try? slotTotal(builder.frame, slot, m)) ?? 0 }
        let children = (plan.paymentSlots[b] + plan.deductionSlots[b]).sorted().map { builder.slot($0) }
        return TraceNode(kind: .benefit, name: benefit.name, reference: .benefit(b), source: benefit.provenance.source,
                         value: .one(builder.frame.benefitPayments[b][m], TraceType(.money)),
                         notes: deducted > gross ? [.deductionsExceedGross(deducted: deducted, gross: gross)] : [], children: children)
    }

    /// Whether each intent held in month m, one outcome per intent name (`merge`).
    private func intents(_ frame: Frame, _ m: Int) throws(EvaluationFailure) -> [IntentOutcome] {
        var out: [IntentOutcome] = []
        for (i, compiled) in plan.intents.enumerated() {
            let periods = compiled.periodicity == .month ? m..<(m + 1) : frame.range.days(ofMonth: m)
            var applies = false, holds = true
            for p in periods {
                if compiled.validity.isBounded {
                    guard compiled.validity.contains(frame.range.firstDay(ofPeriod: p, compiled.periodicity)) else { continue }
                }
                if let condition = compiled.condition, try plan.evaluate(condition, frame, p) == 0 { continue }
                applies = true
                if try plan.evaluate(compiled.requirement, frame, p) == 0 { holds = false }
            }
            Evaluator.merge(intent: i, holds: applies ? holds : nil, month: frame.range.month(m), into: &out, plan)
        }
        return out
    }

    /// Adds an intent's outcome for a month to the month's list: one outcome
    /// per intent name. The versions a reform with a start date leaves (the
    /// baseline's before it, the reform's from it) count as one intent, told
    /// with the words of the version tested last in the month.
    static func merge(intent i: Int, holds: Bool?, month: YearMonth, into out: inout [IntentOutcome], _ plan: Plan) {
        // The declaration's words, field by field: no copy of its expressions.
        let name = plan.ruleSet.intents[i].name
        let outcome = IntentOutcome(intent: name, intentIndex: i, source: plan.ruleSet.intents[i].provenance.source,
                                    text: plan.ruleSet.intents[i].text, holds: holds)
        if let earlier = out.firstIndex(where: { $0.intent == name }) {
            if let held = outcome.holds {
                let before = out[earlier].holds
                out[earlier] = IntentOutcome(intent: name, intentIndex: i, source: outcome.source, text: outcome.text, holds: (before ?? true) && held)
            } else if out[earlier].holds == nil, plan.intents[i].validity.contains(month.first) {
                out[earlier] = outcome
            }
        } else {
            out.append(outcome)
        }
    }
}
