import DoenbaarAnalysis
import DoenbaarCore

/// Rules and personas read and checked for a command, with every diagnostic
/// shown once; commands that run many personas share this.
struct LoadedInput {
    let ruleSet: RuleSet
    let personas: [Persona]
    let evaluator: Evaluator
    let sources: SourceManager
    /// The rule files as read, where the rule set is theirs alone (none for an input made from a reform's rules).
    var ruleFiles: [SourceFile] = []

    /// FNV-1a over the contents of every file read, in reading order: the same
    /// rules and personas give the same fingerprint on every machine.
    var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in sources.files {
            for byte in file.bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    enum Outcome<T> { case success(T), failure(ExitCode) }

    static func load(rules: String, personas: String, _ console: Console) -> Outcome<LoadedInput> {
        let sources = SourceManager()
        var diagnostics = DiagnosticBag()
        let loaded: LoadedRules
        var found: [Persona] = []
        do throws(InputFiles.Failure) {
            loaded = try RuleLoader.load([rules], sources: sources)
            diagnostics.add(contentsOf: loaded.diagnostics)
            // Personas are read with the blocks and lines the rules declare.
            if let ruleSet = loaded.ruleSet {
                let (p, d) = try PersonaLoader.loadAll([personas], rules: ruleSet, sources: sources)
                found = p
                diagnostics.add(contentsOf: d)
            }
        } catch {
            return .failure(console.fail(error.description))
        }
        if loaded.files.isEmpty { return .failure(console.fail("geen regelbestanden (*.regels) gevonden in '\(rules)'")) }
        if diagnostics.hasErrors {
            console.diagnostics(DiagnosticBag(errorsOf: diagnostics), sources: sources)
            return .failure(.inputErrors)
        }
        guard let ruleSet = loaded.ruleSet else { return .failure(.inputErrors) }
        if found.isEmpty { return .failure(console.fail("geen persona's (*.persona, *.json) gevonden in '\(personas)'")) }
        return .success(LoadedInput(ruleSet: ruleSet, personas: found, evaluator: Evaluator(plan: Plan(ruleSet)), sources: sources,
                                    ruleFiles: loaded.read))
    }

    /// The analyzer of these rules made again from the files as read, checked anew: one that shares
    /// no object with `evaluator`'s (`PopulationRun.replicas`). Nil where the input keeps no rule
    /// files, or where they give a rule set of other declarations (then they are not these rules).
    func analyzerReplica(detectors: [any Detector]) -> Analyzer? {
        guard !ruleFiles.isEmpty, let again = RuleLoader.check(ruleFiles, sources: SourceManager()).ruleSet else { return nil }
        func names(_ r: RuleSet) -> [[String]] {
            [r.benefits.map(\.name), r.parameters.map(\.name), r.values.map(\.name), r.obligations.map(\.name),
             r.intents.map(\.name), r.facts.map(\.name), r.records.map(\.keyword)]
        }
        guard names(again) == names(ruleSet) else { return nil }
        return try? Analyzer(evaluator: Evaluator(plan: Plan(again)), detectors: detectors)
    }

    /// Every persona over its own months; an evaluation error is a diagnostic at the declaration.
    func analyzeAll(_ console: Console) -> Outcome<[Analyzer.PersonaAnalysis]> {
        let analyzer: Analyzer
        do throws(AnalysisError) { analyzer = try Analyzer(evaluator: evaluator) } catch {
            return .failure(console.fail(error.description))
        }
        var out: [Analyzer.PersonaAnalysis] = []
        for p in personas {
            do throws(AnalysisError) {
                guard let a = try analyzer.analyze(p) else {
                    console.err("doenbaar: persona '\(p.id)' heeft geen feiten met een datum en geen periode; overgeslagen\n")
                    continue
                }
                out.append(a)
            } catch {
                if case .evaluation(let e) = error {
                    var bag = DiagnosticBag()
                    bag.add(e.diagnostic)
                    console.diagnostics(bag, sources: sources)
                    return .failure(.inputErrors)
                }
                return .failure(console.fail(error.description))
            }
        }
        return .success(out)
    }
}
