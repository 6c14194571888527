/// A persona's stated outcomes (`verwacht 2025-08 WW € 1.125,00`) held
/// against a run of the rules, as diagnostics at the `verwacht` line: what a
/// drafter gets from `doenbaar check`, without writing Swift. An expectation
/// `met hervorming NAAM` is held against the baseline with that reform
/// applied; each reform is loaded and compiled once for all personas.
public struct ExpectationCheck {
    let baseline: Evaluator
    let baselinePaths: [String]
    let sources: SourceManager
    private var reforms: [String: Evaluator?] = [:]
    /// The reforms that can be named: the folders under `hervormingen/` of the baseline, by name (read once).
    public let reformFolders: [String: String]

    /// `baselinePaths`: the rule folders or files the baseline was loaded
    /// from; reforms are looked up in their `hervormingen/` folders.
    public init(baseline: Evaluator, baselinePaths: [String], sources: SourceManager) {
        self.baseline = baseline
        self.baselinePaths = baselinePaths
        self.sources = sources
        var folders: [String: String] = [:]
        for p in baselinePaths {
            let folder = p + "/" + RuleLoader.reformFolder
            for name in InputFiles.subfolders(of: folder) where folders[name] == nil { folders[name] = folder + "/" + name }
        }
        reformFolders = folders
    }

    /// Diagnostics for the expectations of one persona that do not hold.
    public mutating func check(_ persona: Persona) -> DiagnosticBag {
        var bag = DiagnosticBag()
        guard !persona.expectations.isEmpty, let months = persona.defaultMonths else { return bag }
        var groups: [String?: [Expectation]] = [:]
        for e in persona.expectations { groups[e.reform, default: []].append(e) }
        for reform in groups.keys.sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
            let expectations = groups[reform]!
            guard let evaluator = evaluator(for: reform, at: expectations[0].reformRange, into: &bag) else { continue }
            let run: PersonaRun
            do throws(Evaluator.RunError) {
                run = try evaluator.run(persona, from: months.from, to: months.to, trace: false)
            } catch {
                bag.add(error.diagnostic)
                continue
            }
            for e in expectations { check(e, of: persona, in: run, benefits: evaluator.plan.ruleSet.benefits.map(\.name), into: &bag) }
        }
        return bag
    }

    private func check(_ e: Expectation, of persona: Persona, in run: PersonaRun, benefits: [String], into bag: inout DiagnosticBag) {
        let under = e.reform.map { " met hervorming '\($0)'" } ?? ""
        let actual: Int64
        switch e.result(in: run) {
        case .holds: return
        case .differs(let cents): actual = cents
        case .unknownBenefit, .outsideRun:
            let suggestion = Suggestions.closest(to: e.benefit, in: benefits).map { "bedoel je '\($0)'?" }
                ?? "de uitkeringen in de regels: \(ValueFormatting.list(benefits))"
            bag.error(.unknownName, e.range, "de regels\(under) kennen geen uitkering '\(e.benefit)'", suggestion: suggestion)
            return
        }
        let expected = e.amount?.cents ?? 0
        let wanted = e.amount.map { ValueFormatting.cents($0.cents) } ?? "geen betaling"
        let got = actual == 0 ? "geen betaling (€ 0,00)" : ValueFormatting.cents(actual)
        let difference = actual - expected
        bag.error(.expectationFailed, e.range,
                  "persona '\(persona.id)', \(e.month.dutch)\(under): verwacht \(wanted) \(e.benefit), maar de regels geven \(got) (\(ValueFormatting.cents(abs(difference))) \(difference > 0 ? "meer" : "minder"))",
                  suggestion: "zie de berekening met: doenbaar run --persona \(sources.file(e.range.fileID)?.path ?? "<persona>") --from \(e.month) --to \(e.month)\(e.reform.flatMap { reformFolders[$0] }.map { " --reform \($0)" } ?? "")")
    }

    /// The baseline, or the baseline with a reform applied (loaded once).
    private mutating func evaluator(for reform: String?, at range: SourceRange, into bag: inout DiagnosticBag) -> Evaluator? {
        guard let reform else { return baseline }
        if let known = reforms[reform] {
            if known == nil { bag.error(.unknownName, range, "hervorming '\(reform)' is niet te gebruiken (zie de meldingen hierboven of hieronder)") }
            return known ?? nil
        }
        let folders = reformFolders
        guard let folder = folders[reform] else {
            reforms[reform] = .some(nil)
            let known = folders.keys.sorted()
            bag.error(.unknownName, range, "onbekende hervorming '\(reform)'",
                      suggestion: Suggestions.closest(to: reform, in: known).map { "bedoel je '\($0)'?" }
                          ?? (known.isEmpty ? "er is geen map \(RuleLoader.reformFolder)/ naast de regels" : "de hervormingen: \(ValueFormatting.list(known))"))
            return nil
        }
        let loaded: LoadedReform
        do throws(InputFiles.Failure) {
            loaded = try ReformLoader.load(reform: folder, baseline: baselinePaths, sources: sources)
        } catch {
            reforms[reform] = .some(nil)
            bag.error(.unknownName, range, "hervorming '\(reform)' is niet te lezen: \(error.description)")
            return nil
        }
        guard let ruleSet = loaded.ruleSet else {
            reforms[reform] = .some(nil)
            bag.error(.unknownName, range, "hervorming '\(reform)' bevat fouten",
                      suggestion: "controleer haar met: doenbaar check \(folder)")
            return nil
        }
        let evaluator = Evaluator(plan: Plan(ruleSet))
        reforms[reform] = evaluator
        return evaluator
    }
}

extension Expectation {
    public enum Result: Sendable, Equatable {
        case holds
        /// The run does not cover the month.
        case outsideRun
        /// The rules have no benefit by that name.
        case unknownBenefit
        case differs(actualCents: Int64)
    }

    /// Whether a run pays what this line states, and if not, what it pays.
    public func result(in run: PersonaRun) -> Result {
        guard let month = run.month(self.month) else { return .outsideRun }
        guard let outcome = month.benefit(benefit) else { return .unknownBenefit }
        return outcome.paidCents == (amount?.cents ?? 0) ? .holds : .differs(actualCents: outcome.paidCents)
    }
}
