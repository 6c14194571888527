import DoenbaarCore

/// Runs every detector over a persona and collects what they find.
public struct Analyzer: Sendable {
    public private(set) var evaluator: Evaluator
    public let parameters: AnalysisParameters
    public let detectors: [any Detector]

    public init(evaluator: Evaluator, detectors: [any Detector] = Detectors.all) throws(AnalysisError) {
        self.evaluator = evaluator
        parameters = try AnalysisParameters(evaluator.plan.ruleSet)
        self.detectors = detectors
    }

    /// The analysis of one persona: its paths and its findings.
    public struct PersonaAnalysis: Sendable {
        public let persona: Persona
        public let recorded: PersonaRun
        public let ideal: PersonaRun
        public let realistic: PersonaRun
        public let realisticDecisions: [Paths.Decision]
        public let findings: [Finding]
    }

    public func analyze(_ persona: Persona, from: YearMonth, to: YearMonth) throws(AnalysisError) -> PersonaAnalysis {
        let context = AnalysisContext(persona: persona, evaluator: evaluator, parameters: parameters, from: from, to: to)
        let findings = try findings(in: context)
        let realistic = try context.realistic()
        return PersonaAnalysis(persona: persona, recorded: try context.recorded(), ideal: try context.ideal(),
                               realistic: realistic.run, realisticDecisions: realistic.decisions, findings: findings)
    }

    /// Only the findings, as cheaply as possible: for population estimates.
    public func findings(_ persona: Persona, from: YearMonth, to: YearMonth) throws(AnalysisError) -> [Finding] {
        try estimate(persona, from: from, to: to).findings
    }

    /// The findings for an estimate, and how many runs of the rules they took.
    public func estimate(_ persona: Persona, from: YearMonth, to: YearMonth) throws(AnalysisError) -> (findings: [Finding], runs: Int) {
        let context = AnalysisContext(persona: persona, evaluator: evaluator, parameters: parameters, from: from, to: to, estimating: true)
        return (try findings(in: context), context.runs)
    }

    /// Every detector over one context, the findings about the same money merged.
    private func findings(in context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        var findings: [Finding] = []
        for d in detectors { findings += try d.findings(context) }
        return SharedEvents.merge(findings)
    }

    /// Over the persona's own months.
    public func analyze(_ persona: Persona) throws(AnalysisError) -> PersonaAnalysis? {
        guard let months = persona.defaultMonths else { return nil }
        return try analyze(persona, from: months.from, to: months.to)
    }
}
