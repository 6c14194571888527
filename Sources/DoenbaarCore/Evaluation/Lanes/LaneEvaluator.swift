/// Runs a block of personas through a compiled plan together, one lane each,
/// month by month: payments, deductions, corrections, obligations and their
/// fines, intents and discretion points, without an explanation. One person
/// with her explanation is a block of one lane (`Evaluator.run`).
///
/// The views are the same for every lane: the agency looks at the end of
/// each month, and each benefit a number of days later (`beslist ... na de
/// maand`). What a lane's view holds is what that lane's agency knew by then
/// (its own `FactTable`), so one view serves the whole block.
///
/// A lane in which something the run needs cannot be computed has no run
/// here (nil): `Evaluator.run` runs that person again, alone, and says why.
public struct LaneEvaluator: Sendable {
    public let plan: Plan

    public init(plan: Plan) { self.plan = plan }

    /// - Parameters:
    ///   - personas: the lanes; each is run from `from` to `to`.
    ///   - wholeMonths: whether a daily value is computed for all days of its month at once
    ///     (off only to show that it changes nothing).
    ///   - proving: whether what `RangeProof` shows cannot fail runs without checks (off only to show that it changes nothing).
    ///   - knowledgeDates: each persona's `knowledgeDates`, where the caller has them already.
    /// - Returns: per lane its run, or nil where the lane failed.
    public func runs(_ personas: [Persona], from: YearMonth, to: YearMonth, wholeMonths: Bool = true, proving: Bool = true,
                     knowledgeDates: [[CivilDate]]? = nil) -> [PersonaRun?] {
        guard !personas.isEmpty else { return [] }
        guard Evaluator.computableMonths.contains(from), Evaluator.computableMonths.contains(to) else {
            return personas.map { _ in nil }
        }
        var block = LaneBlock(plan: plan, personas: personas, range: EvaluationRange(from: from, to: to), wholeMonths: wholeMonths,
                              proving: proving, knowledgeDates: knowledgeDates)
        return block.run()
    }
}
