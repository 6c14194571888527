/// The working memory of one evaluation: one persona, one decision date.
/// Slot values are computed on demand and memoised per day or month, so a
/// definition that no outcome needs is never computed (and a fact that a
/// guarded branch never reads is never required).
final class Frame {
    let plan: Plan
    let facts: FactTable
    let range: EvaluationRange
    let personaID: String
    let monthOfDay: [Int]

    private var dayValues: [[Int64]]
    private var dayState: [[UInt8]]        // 0 = not yet, 1 = being computed, 2 = done
    private var monthValues: [[Int64]]
    private var monthState: [[UInt8]]
    /// Which exception decided a rule's value: -2 rule not applicable, -1 the rule itself, k = exception k.
    private(set) var decidedBy: [[Int8]]
    private var running: [[Int64]]
    private var runningUpTo: [Int]
    var benefitPayments: [[Int64]]          // per benefit, per month, once computed

    init(plan: Plan, facts: FactTable, personaID: String) {
        self.plan = plan
        self.facts = facts
        self.range = facts.range
        self.personaID = personaID
        let days = facts.range.dayCount, months = facts.range.monthCount
        var mod = [Int](repeating: 0, count: days)
        for m in 0..<months { for d in facts.range.days(ofMonth: m) { mod[d] = m } }
        monthOfDay = mod
        dayValues = plan.slots.map { $0.periodicity == .month ? [] : Array(repeating: 0, count: days) }
        dayState = plan.slots.map { $0.periodicity == .month ? [] : Array(repeating: 0, count: days) }
        monthValues = plan.slots.map { $0.periodicity == .month ? Array(repeating: 0, count: months) : [] }
        monthState = plan.slots.map { $0.periodicity == .month ? Array(repeating: 0, count: months) : [] }
        decidedBy = plan.slots.map { Array(repeating: -1, count: $0.periodicity == .month ? months : days) }
        running = Array(repeating: Array(repeating: 0, count: days), count: plan.runningTotalSites)
        runningUpTo = Array(repeating: -1, count: plan.runningTotalSites)
        benefitPayments = Array(repeating: Array(repeating: 0, count: months), count: plan.ruleSet.benefits.count)
    }

    func dayValue(_ slot: Int, _ d: Int) throws(EvaluationFailure) -> Int64 {
        switch dayState[slot][d] {
        case 2: return dayValues[slot][d]
        case 1: throw EvaluationFailure(message: "kringverwijzing tijdens het rekenen", range: plan.ruleSet.values[slot].provenance.range)
        default:
            dayState[slot][d] = 1
            let v = try compute(slot, d, date: range.date(ofDay: d))
            dayValues[slot][d] = v
            dayState[slot][d] = 2
            return v
        }
    }

    func monthValue(_ slot: Int, _ m: Int) throws(EvaluationFailure) -> Int64 {
        switch monthState[slot][m] {
        case 2: return monthValues[slot][m]
        case 1: throw EvaluationFailure(message: "kringverwijzing tijdens het rekenen", range: plan.ruleSet.values[slot].provenance.range)
        default:
            monthState[slot][m] = 1
            let v = try compute(slot, m, date: range.month(m).first)
            monthValues[slot][m] = v
            monthState[slot][m] = 2
            return v
        }
    }

    /// The value of a slot: the first exception that applies, else the rule
    /// itself where it is valid and its condition holds, else zero.
    private func compute(_ slot: Int, _ p: Int, date: CivilDate) throws(EvaluationFailure) -> Int64 {
        let s = plan.slots[slot]
        var value: Int64?
        for (k, x) in s.exceptions.enumerated() where x.validity.contains(date) {
            if try x.condition(self, p) != 0 {
                value = try x.body(self, p)
                decidedBy[slot][p] = Int8(clamping: k)
                break
            }
        }
        if value == nil {
            if s.validity.contains(date), try s.condition?(self, p) ?? 1 != 0 {
                value = try s.body(self, p)
                decidedBy[slot][p] = -1
            } else {
                value = 0
                decidedBy[slot][p] = -2
            }
        }
        guard let v = value else { return 0 }
        // Values are summed over days, months and rules with plain Int64 additions;
        // bounding each one keeps every such sum far from overflow.
        guard v.magnitude <= Frame.maximumMagnitude else {
            let declaration = plan.ruleSet.values[slot]
            throw EvaluationFailure(message: "de uitkomst van '\(declaration.name)' is groter dan een miljard; die kan niet kloppen",
                                    range: declaration.provenance.range)
        }
        guard let rounding = s.rounding else { return v }
        return Fixed(raw: v).rounded(rounding, unit: s.type == .money ? 10_000 : Fixed.scale).raw
    }

    /// A billion, as a raw Fixed: more than any amount, count or number a regulation works with.
    static let maximumMagnitude = UInt64(1_000_000_000) * UInt64(Fixed.scale)

    func parameter(_ p: Parameter, on day: CivilDate, _ range: SourceRange) throws(EvaluationFailure) -> Int64 {
        guard let v = p.value(on: day) else {
            throw EvaluationFailure(message: "parameter '\(p.name)' heeft geen waarde op \(day) (eerste waarde: \(p.values.first.map { "\($0.from)" } ?? "geen"))", range: range)
        }
        return v.raw
    }

    func runningTotal(site: Int, upTo d: Int, counting: Bool, range sourceRange: SourceRange,
                      _ term: Plan.Compiled) throws(EvaluationFailure) -> Int64 {
        var i = runningUpTo[site] + 1
        while i <= d {
            let v = try term(self, i)
            let add = counting ? (v != 0 ? Fixed.scale : 0) : v
            let date = range.date(ofDay: i)
            let previous = (i == 0 || (date.month == 1 && date.day == 1)) ? 0 : running[site][i - 1]
            guard let sum = FixedMath.add(previous, add) else {
                throw EvaluationFailure(message: "de uitkomst van deze berekening is te groot", range: sourceRange)
            }
            running[site][i] = sum
            runningUpTo[site] = i
            i += 1
        }
        return running[site][d]
    }

    func benefitPayment(_ benefit: Int, _ m: Int) -> Int64 { benefitPayments[benefit][m] }

    /// Stored values for traces (after evaluation).
    func storedValue(_ slot: Int, period: Int) -> Int64? {
        if plan.slots[slot].periodicity == .month {
            return monthState[slot][period] == 2 ? monthValues[slot][period] : nil
        }
        return dayState[slot][period] == 2 ? dayValues[slot][period] : nil
    }
}
