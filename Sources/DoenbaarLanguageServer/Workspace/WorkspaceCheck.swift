import DoenbaarCore

/// The check `doenbaar check` runs on a project, run on a snapshot: the
/// baseline as one rule set, each reform applied to it, the personas read
/// against it with their `verwacht` lines computed, and open rule files
/// outside the project each on their own.
struct WorkspaceCheck {
    let snapshot: WorkspaceSnapshot
    let documents: DocumentStore
    private(set) var diagnostics = DiagnosticBag()

    static func run(_ snapshot: WorkspaceSnapshot, documents: DocumentStore) -> [Diagnostic] {
        var check = WorkspaceCheck(snapshot: snapshot, documents: documents)
        check.checkBaseline()
        for file in snapshot.standalone {
            check.diagnostics.add(contentsOf: file.diagnostics)
            check.diagnostics.add(contentsOf: Checker.check([file.syntax]).diagnostics)
        }
        return WorkspaceCheck.unique(check.diagnostics.all)
    }

    private mutating func checkBaseline() {
        guard let layout = snapshot.layout else { return }
        for file in snapshot.baseline { diagnostics.add(contentsOf: file.diagnostics) }
        let checked = Checker.check(snapshot.baseline.map(\.syntax))
        diagnostics.add(contentsOf: checked.diagnostics)
        diagnostics.add(contentsOf: LabelCheck.check(snapshot.baseline.map(\.syntax)))
        let ruleSet = diagnostics.hasErrors ? nil : checked.ruleSet
        for reform in snapshot.reforms { checkReform(reform, baselineIsClean: ruleSet != nil) }
        if let ruleSet { checkPersonas(against: ruleSet, layout) }
    }

    /// A reform's own syntax errors always; applied to the baseline (errors only,
    /// as `check` reports them) when the baseline has none.
    private mutating func checkReform(_ reform: WorkspaceSnapshot.ReformFolder, baselineIsClean: Bool) {
        for file in reform.files { diagnostics.add(contentsOf: DiagnosticBag(errorsOf: file.diagnostics)) }
        diagnostics.add(contentsOf: LabelCheck.check(reform.files.map(\.syntax)))
        guard baselineIsClean, !reform.files.isEmpty else { return }
        var applied = DiagnosticBag()
        let (_, merged) = ReformLoader.apply(reform.files.map(\.syntax), files: reform.files.map(\.path),
                                             to: snapshot.baseline.map(\.syntax), diagnostics: &applied)
        applied.add(contentsOf: Checker.check(merged).diagnostics)
        diagnostics.add(contentsOf: DiagnosticBag(errorsOf: applied))
    }

    /// Every persona read with the blocks and lines the rules declare; the
    /// expectations of a persona without errors computed.
    private mutating func checkPersonas(against ruleSet: RuleSet, _ layout: WorkspaceLayout) {
        guard !snapshot.personaPaths.isEmpty else { return }
        let schema = PersonaSchema(ruleSet)
        var readable: [Persona] = []
        for path in snapshot.personaPaths {
            guard let bytes = documents.bytes(atPath: path) else { continue }
            let source = SourceFile(path: path, bytes: bytes)
            let id = PersonaLoader.id(for: path)
            let fileID = snapshot.sources.add(source)
            let (persona, d) = path.hasSuffix(".json")
                ? PersonaJSON.decode(source, fileID: fileID, id: id, schema: schema)
                : PersonaParser.parse(source, fileID: fileID, id: id, schema: schema)
            diagnostics.add(contentsOf: d)
            if let persona, !d.hasErrors { readable.append(persona) }
        }
        // A persona gives facts, no input columns: a rule that reads `invoer` cannot run for her.
        for input in ruleSet.inputs {
            diagnostics.error(.unknownName, input.provenance.range,
                              "invoer '\(input.name)' is er alleen voor een berekening over invoerkolommen (doenbaar bench); een persona kan haar niet geven",
                              suggestion: "declareer het als 'gegeven \(input.name): \(input.type)\(input.periodicity == .month ? " per maand" : "")' en vul het met een regel van de persona (een veld van een onderdeel, of een opgave)")
        }
        guard ruleSet.inputs.isEmpty else { return }
        // Expectations under a reform read that reform from disk, as `check` does.
        var expectations = ExpectationCheck(baseline: Evaluator(plan: Plan(ruleSet)), baselinePaths: [layout.rules], sources: snapshot.sources)
        for persona in readable { diagnostics.add(contentsOf: expectations.check(persona)) }
    }

    /// A diagnostic reported twice (a baseline file seen again through a reform) counts once.
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
