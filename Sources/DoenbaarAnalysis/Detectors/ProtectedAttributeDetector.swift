import DoenbaarCore

/// Beschermde kenmerken: where a rule uses a protected attribute (a fact
/// declared `beschermd`, such as nationality), flip the attribute on an
/// otherwise identical persona and see whether outcomes change.
public struct ProtectedAttributeDetector: Detector {
    public let kind = FindingKind.protectedAttribute
    public init() {}

    /// The persona with each other value of the protected attribute that a rule
    /// compares with, and the attribute's fact and her own value.
    private func variants(_ context: AnalysisContext) -> (fact: FactDeclaration, own: String?, flips: [(country: String, persona: Persona)])? {
        let uses = context.setting.parameters.protectedUses
        guard !uses.isEmpty else { return nil }
        let fact = context.setting.ruleSet.facts[uses[0].fact]
        let own = context.persona.values[fact.name].map(CountryCode.decode)
        // Estimating: only people such a rule could touch (the attribute given, or a period away).
        if context.estimating, own == nil, !context.persona.hasAbsences { return nil }
        let candidates = Set(["NL"] + uses.flatMap(\.comparedCountries)).subtracting([own ?? "NL"]).sorted()
        // Each made once per context (`AnalysisContext.variant`): planned, then run and read again, as the very same persona.
        let flips = candidates.compactMap { other in
            CountryCode.encode(other).map { code in (other, context.variant(AnalysisContext.protectedKey(other)) { context.persona.with(fact.name, code) }) }
        }
        return (fact, own, flips)
    }

    public func plannedRuns(_ context: AnalysisContext) -> [(persona: Persona, end: YearMonth)] {
        (variants(context)?.flips ?? []).map { ($0.persona, context.to) }
    }

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let uses = context.setting.parameters.protectedUses
        guard let (fact, own, flips) = variants(context), !flips.isEmpty else { return [] }
        let recorded = try context.recorded()
        let recordedTotal = try context.recordedSeries().totalCents
        for (other, variant) in flips {
            let flipped = try context.run(variant)
            let changed = AnalysisContext.placesThatDiffer(recorded, flipped)
            guard let firstIndex = changed.first, let lastIndex = changed.last else { continue }
            let (a, b) = (recorded.months, flipped.months)
            let (first, last) = ((a[firstIndex], b[firstIndex]), (a[lastIndex], b[lastIndex]))
            let difference = context.totalCents(flipped, variant) - recordedTotal
            let names = Set(uses.map(\.declaration))
            let declarations = uses.map { ProvisionReference(name: $0.declaration, kind: DeclarationKind(rawValue: $0.keyword) ?? .rule,
                                                             label: $0.label, $0.provenance) }
            let attribute = context.setting.ruleSet.provision(fact)
            return [Finding(kind: kind, key: uses.map(\.declaration).sorted().joined(separator: "+"),
                            topic: .protectedAttribute(fact: attribute, declarations: declarations),
                            severity: .high, persona: context.persona, from: first.0.month, through: last.0.month,
                            provisions: declarations,
                            harm: (difference < 0 ? context.harm(flipped, variant, against: recorded) : context.harm(recorded, context.persona, against: flipped)).asProbe,
                            months: changed.count,
                            story: .protectedAttribute(fact: attribute, declarations: declarations, other: other, own: own, differenceCents: difference),
                            solution: try context.rung(for: names, from: first.0.month, through: last.0.month),
                            evidence: evidence(first.0, first.1))]
        }
        return []
    }

    /// The trace of the benefit whose payment the flip changed.
    private func evidence(_ a: MonthOutcome, _ b: MonthOutcome) -> [TraceNode] {
        zip(a.benefits, b.benefits).filter { $0.0.paidCents != $0.1.paidCents }.map { Evidence.excerpt($0.0.trace) }
    }
}
