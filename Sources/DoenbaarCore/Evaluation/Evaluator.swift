/// Runs one persona through a compiled plan, month by month: a block of one
/// lane of the lane engine (`LaneBlock`), with the explanation of every
/// amount when asked for, and the place in the rules where a run fails.
///
/// Facts have two times: when they happened and when the agency knew them.
/// The payment for a month is decided on what was known at the end of that
/// month. At the end of every later month the agency looks again with what it
/// knows then; where that changes what a past month should have paid, the
/// difference is booked as a back-payment or a recovery. No benefit has a
/// special case for this: corrections fall out of the difference.
public struct Evaluator: Sendable {
    public let plan: Plan
    /// Whether a view leaves the months before its first new fact to an earlier
    /// view or run (`LaneBlock.sharing`, `RunMemory`). Off only to show that
    /// sharing changes no outcome, and to measure what it saves.
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
        try checkComputable(persona, from: from, to: to)
        let range = EvaluationRange(from: from, to: to)
        let sharing = sharesUnchangedMonths && !trace
        var block = LaneBlock(plan: plan, personas: [persona], range: range, tracing: trace, sharing: sharing, memory: sharing ? memory : nil)
        if let run = block.run()[0] { return run }
        // Run again to say why, diagnosed, with nothing taken from other runs.
        let diagnosis = LaneDiagnosis(personaID: persona.id)
        var again = LaneBlock(plan: plan, personas: [persona], range: range, sharing: false, diagnosis: diagnosis)
        _ = again.run()
        let (failure, decisionDate) = diagnosis.failure
            ?? (EvaluationFailure(message: "interne fout: de berekening mislukt, maar Doenbaar kan niet zeggen waar", range: persona.range), range.month(0).last)
        throw RunError(personaID: persona.id, failure: failure, decisionDate: decisionDate,
                       missingAt: failure.missingFact.map { place(of: $0, in: persona) })
    }

    private func checkComputable(_ persona: Persona, from: YearMonth, to: YearMonth) throws(RunError) {
        for m in [from, to] where !Self.computableMonths.contains(m) {
            throw RunError(personaID: persona.id,
                           failure: EvaluationFailure(message: "\(m.dutch) valt buiten de maanden die Doenbaar kan doorrekenen (\(Self.computableMonths.lowerBound.dutch) tot en met \(Self.computableMonths.upperBound.dutch))", range: persona.range),
                           decisionDate: (m < Self.computableMonths.lowerBound ? Self.computableMonths.lowerBound : Self.computableMonths.upperBound).last)
        }
    }

    /// The block of the persona file that gives a fact, or else its header.
    private func place(of fact: String, in persona: Persona) -> SourceRange {
        let block = plan.ruleSet.fact(named: fact).flatMap { plan.ruleSet.field(filling: $0)?.section.keyword }
        return block.flatMap { persona.sections[$0] } ?? persona.range
    }

}
