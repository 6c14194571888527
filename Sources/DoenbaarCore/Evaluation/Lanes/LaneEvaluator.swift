/// Runs a block of personas through a compiled plan together, one lane each,
/// month by month: what each benefit pays and the corrections later
/// knowledge books, as `Evaluator` decides them for one persona.
///
/// The views are the same for every lane: the agency looks at the end of
/// each month, and each benefit a number of days later (`beslist ... na de
/// maand`). What a lane's view holds is what that lane's agency knew by then
/// (its own `FactTable`), so one view serves the whole block.
///
/// This is the lane form of the engine for amounts: obligations, fines and
/// intents are still decided by `Evaluator` alone.
public struct LaneEvaluator: Sendable {
    public let plan: Plan

    public init(plan: Plan) { self.plan = plan }

    /// A lane's month: what each benefit paid (by index) and the corrections booked in it.
    public struct Month: Sendable, Equatable {
        public let month: YearMonth
        public var paidCents: [Int64]
        public var corrections: [Correction]
    }

    public struct Correction: Sendable, Equatable {
        public let benefit: Int
        public let forMonth: YearMonth
        public let cents: Int64
    }

    /// A lane's run, or the month in which a payment it needed could not be computed.
    public enum Outcome: Sendable, Equatable {
        case months([Month])
        case failed(in: YearMonth)
    }

    /// - Parameter personas: the lanes; each is run from `from` to `to`.
    public func run(_ personas: [Persona], from: YearMonth, to: YearMonth) -> [Outcome] {
        guard !personas.isEmpty else { return [] }
        guard Evaluator.computableMonths.contains(from), Evaluator.computableMonths.contains(to) else {
            return personas.map { _ in .failed(in: from) }
        }
        let range = EvaluationRange(from: from, to: to)
        let lanes = personas.count, benefits = plan.ruleSet.benefits
        // The first table of each lane lends its calendar columns to the later ones.
        var calendars: [FactTable]? = nil
        var views: [Int32: LaneFrame] = [:]
        func view(_ day: CivilDate) -> LaneFrame {
            if let v = views[day.dayNumber] { return v }
            let tables = personas.indices.map { FactTable(persona: personas[$0], layout: plan.factLayout, range: range, knownAt: day, calendar: calendars?[$0]) }
            if calendars == nil { calendars = tables }
            let v = LaneFrame(plan: plan, facts: LaneFacts(tables, layout: plan.factLayout))
            views[day.dayNumber] = v
            return v
        }

        var months = Array(repeating: [Month](), count: lanes)
        var failedIn = [YearMonth?](repeating: nil, count: lanes)
        var booked = Array(repeating: Array(repeating: [Int64](repeating: 0, count: lanes), count: range.monthCount), count: benefits.count)
        let reported = Array(range.reportedMonths)
        for k in reported {
            let month = range.month(k), decisionDate = month.last
            // Views of earlier months are not looked at again.
            let current = [decisionDate] + benefits.map { decisionDate.adding(days: $0.decisionLagDays) }
            views = views.filter { key, _ in current.contains { $0.dayNumber == key } }
            let general = view(decisionDate), benefitViews = benefits.map { view(decisionDate.adding(days: $0.decisionLagDays)) }
            // Every payment up to this month in every view of the month, as the
            // single lane computes them: a lane fails where one of them fails.
            for v in [general] + benefitViews {
                for m in reported where m <= k {
                    for b in benefits.indices {
                        for (lane, paid) in v.payment(b, m).enumerated() where paid == ValueSemantics.failed && failedIn[lane] == nil {
                            failedIn[lane] = month
                        }
                    }
                }
            }
            var outcome = Array(repeating: Month(month: month, paidCents: [], corrections: []), count: lanes)
            for (b, v) in benefitViews.enumerated() {
                let paid = v.payment(b, k)
                for lane in 0..<lanes {
                    outcome[lane].paidCents.append(paid[lane] / 10_000)
                    booked[b][k][lane] = paid[lane] / 10_000
                }
            }
            // Corrections for earlier months, seen with what is known now.
            for m in reported where m < k {
                for (b, v) in benefitViews.enumerated() {
                    let now = v.payment(b, m)
                    for lane in 0..<lanes where now[lane] / 10_000 != booked[b][m][lane] {
                        outcome[lane].corrections.append(Correction(benefit: b, forMonth: range.month(m), cents: now[lane] / 10_000 - booked[b][m][lane]))
                        booked[b][m][lane] = now[lane] / 10_000
                    }
                }
            }
            for lane in 0..<lanes { months[lane].append(outcome[lane]) }
        }
        return (0..<lanes).map { failedIn[$0].map { .failed(in: $0) } ?? .months(months[$0]) }
    }
}
