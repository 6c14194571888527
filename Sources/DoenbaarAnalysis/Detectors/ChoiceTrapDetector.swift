import DoenbaarCore

/// Keuzeval: of two choices the law offers (claim WW or not), the one a
/// person would naturally take — claiming — leaves her worse off. Measured by
/// running both.
public struct ChoiceTrapDetector: Detector {
    public let kind = FindingKind.choiceTrap
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let p = context.persona
        guard let ww = p.ww, ww.claimed else { return [] }
        let claimed = try context.recorded()
        let alternative = p.withWWClaimed(false)
        let notClaimed = try context.run(alternative)
        let loss = context.series(notClaimed, alternative).totalCents - context.series(claimed).totalCents
        guard loss > context.parameters.choiceTrapThreshold.cents else { return [] }

        // Where the two runs part ways: the months and the definitions that differ.
        var months: [YearMonth] = []
        var differences: [(name: String, kind: String, source: String?, before: String, after: String)] = []
        var evidence: [TraceNode] = []
        for (a, b) in zip(claimed.months, notClaimed.months) where a.totalCents != b.totalCents {
            months.append(a.month)
            if differences.isEmpty {
                for (x, y) in zip(a.benefits, b.benefits) where x.paidCents != y.paidCents {
                    let d = Evidence.differences(x.trace, y.trace)
                    differences += d
                    if let focused = Evidence.focused(x.trace, on: Set(d.map(\.name))) { evidence.append(focused) }
                }
            }
        }
        guard let first = months.first, let last = months.last else { return [] }
        let names = Set(differences.map(\.name))
        let because = differences.filter { $0.source != nil }.prefix(3)
            .map { "\($0.name) is \($0.before) in plaats van \($0.after)" }.joined(separator: "; ")
        return [Finding(kind: kind, key: "ww_aanvragen", title: "WW aanvragen maakt armer dan niet aanvragen",
                        direction: ww.culpable
                            ? "Verreken een wegens verwijtbaarheid geweigerde WW niet met de Wajong (Inkomensbesluit Wajong art. 2 lid 3), of laat de arbeidsdeskundige vóór de aanvraag wijzen op de gevolgen."
                            : "Zorg dat de samenloop van uitkeringen nooit tot minder inkomen leidt dan zonder aanvraag.",
                        severity: loss > 100_000 ? .high : .medium, persona: p, from: first, through: last,
                        provisions: context.relevantRules(in: names), harmCents: loss, months: months.count,
                        explanation: "\(p.name) vraagt WW aan\(ww.culpable ? ", die wordt geweigerd omdat de werkloosheid verwijtbaar is," : "") en houdt daardoor \(ValueFormatting.cents(loss)) minder over dan zonder aanvraag, in \(months.count) maand\(months.count == 1 ? "" : "en"). Waarom: \(because).",
                        capacityNote: "Wie werkloos wordt, vraagt WW aan; dat dit nadelig kan zijn, is niet te voorzien zonder de samenloopregels te kennen.",
                        avoidingAction: "Had \(p.name) geen WW aangevraagd, dan had \(p.name) \(ValueFormatting.cents(loss)) meer gehad.",
                        rung: context.rung(for: names), evidence: evidence)]
    }
}
