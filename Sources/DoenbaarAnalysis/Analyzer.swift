import DoenbaarCore

/// Runs every detector over a persona and collects what they find.
public struct Analyzer: Sendable {
    public var evaluator: Evaluator { setting.evaluator }
    public var parameters: AnalysisParameters { setting.parameters }
    /// What every person's context reads alike (`AnalysisContext.Setting`), made once.
    private let setting: AnalysisContext.Setting
    public let detectors: [any Detector]
    /// The same plan on the lane engine, for the runs every estimate makes (`SharedRuns`).
    public let lanes: LaneEvaluator

    public init(evaluator: Evaluator, detectors: [any Detector] = Detectors.all) throws(AnalysisError) {
        setting = AnalysisContext.Setting(evaluator: evaluator, parameters: try AnalysisParameters(evaluator.plan.ruleSet))
        // A list of its own (`Detectors.all` is the process's): read for every person, and an
        // analyzer per core (`PopulationRun.replicas`) keeps every core's counting of it apart.
        self.detectors = detectors.map { $0 }
        lanes = LaneEvaluator(plan: evaluator.plan)
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
        let context = AnalysisContext(persona: persona, setting: setting, from: from, to: to)
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
        let context = AnalysisContext(persona: persona, setting: setting, from: from, to: to, estimating: true)
        return (try findings(in: context), context.runs)
    }

    /// The findings for the estimates of several people at once, in their
    /// order: the runs every analysis makes (as recorded, the ideal path, the
    /// realistic path) are made for all of them together on the lane engine
    /// (`SharedRuns`); the detectors then run per person, as `estimate` does.
    /// - Parameter times: where each phase's CPU time is added, when measured (`PhaseTimes`).
    public func estimate(_ people: [(persona: Persona, from: YearMonth, to: YearMonth)],
                         times: PhaseTimes? = nil) -> [Result<(findings: [Finding], runs: Int), AnalysisError>] {
        var contexts: [AnalysisContext?] = people.map {
            AnalysisContext(persona: $0.persona, setting: setting, from: $0.from, to: $0.to, estimating: true)
        }
        // Each person's findings in the order her runs lie in memory (`SharedRuns.inBlockOrder`, every
        // person once), each result in her place.
        let order = SharedRuns.make(for: contexts.compactMap { $0 }, on: lanes, detectors: detectors, times: times)
        var results = [Result<(findings: [Finding], runs: Int), AnalysisError>?](repeating: nil, count: contexts.count)
        for i in order {
            // A person's runs and views are let go once her findings are in.
            defer { times.measure(.release) { contexts[i] = nil } }
            do throws(AnalysisError) { results[i] = .success((try findings(in: contexts[i]!, times: times), contexts[i]!.runs)) } catch { results[i] = .failure(error) }
        }
        return results.map { $0! }
    }

    /// Every detector over one context, the findings about the same money merged.
    private func findings(in context: AnalysisContext, times: PhaseTimes? = nil) throws(AnalysisError) -> [Finding] {
        var findings: [Finding] = []
        for (k, d) in detectors.enumerated() {
            let found = try times.measure(.findings, detector: k) { () throws(AnalysisError) in try d.findings(context) }
            // The first detector's list taken as it is: added to an empty list, its findings were copied into a new one.
            if findings.isEmpty { findings = found } else if !found.isEmpty { findings += found }
        }
        return times.measure(.merging) { SharedEvents.merge(findings) }
    }

    /// Over the persona's own months.
    public func analyze(_ persona: Persona) throws(AnalysisError) -> PersonaAnalysis? {
        guard let months = persona.defaultMonths else { return nil }
        return try analyze(persona, from: months.from, to: months.to)
    }
}
