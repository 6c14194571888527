/// A reform as a drafter wrote it: its header, and what it changes.
public struct Reform: Sendable {
    public let name: String
    public let title: String
    public let source: String
    public let validFrom: CivilDate?
    public let replaces: [String]
    public let removes: [String]
    public let adds: [String]
    public let files: [String]
}

public struct LoadedReform: Sendable {
    public let reform: Reform?
    /// The baseline with the reform applied, checked as a whole.
    public let ruleSet: RuleSet?
    public let diagnostics: DiagnosticBag
    /// Declarations of the reform's own files that the reports name without a label (see `LabelCheck`).
    public var labelWarnings = DiagnosticBag()
}

/// Applies a reform to a baseline. The transform is pure and works on the
/// syntax of both, so that the reform's declarations are checked in the
/// context of the baseline they change: baseline declarations named under
/// `vervangt` or `vervalt` are taken out, the reform's declarations added,
/// and the result checked like any rule set.
public enum ReformLoader {
    public static func load(reform path: String, baseline paths: [String], sources: SourceManager) throws(InputFiles.Failure) -> LoadedReform {
        var diagnostics = DiagnosticBag()
        let baseline = try RuleLoader.parse(try RuleLoader.ruleFiles(paths), sources: sources, into: &diagnostics)
        let reformFiles = try InputFiles.find(path, extensions: ["regels"])
        guard !reformFiles.isEmpty else {
            // No file to point into: the message names the folder itself.
            let folder = sources.add(SourceFile(path: path, text: ""))
            diagnostics.error(.reformConflict, SourceRange(fileID: folder, start: 0, end: 0),
                              "de map van deze hervorming heeft geen regelbestanden (.regels)",
                              suggestion: "zet er een bestand in dat begint met 'hervorming NAAM \"titel\"'")
            return LoadedReform(reform: nil, ruleSet: nil, diagnostics: diagnostics)
        }
        let reformSyntax = try RuleLoader.parse(reformFiles, sources: sources, into: &diagnostics)
        let (reform, merged) = apply(reformSyntax, files: reformFiles, to: baseline, diagnostics: &diagnostics)
        let checked = Checker.check(merged)
        // A name the reform lets lapse, still used, is reported once: as lapsed, not also as unknown.
        let lapsed = Set(diagnostics.all.filter { $0.id == .removedByReform }.map(\.range))
        let attributed = ReformAttribution.attribute(checked.diagnostics, reform: reformSyntax, baseline: baseline, sources: sources)
        for d in attributed.all where !(d.id == .unknownName && lapsed.contains(d.range)) { diagnostics.add(d) }
        return LoadedReform(reform: reform, ruleSet: diagnostics.hasErrors ? nil : checked.ruleSet, diagnostics: diagnostics,
                            labelWarnings: LabelCheck.check(reformSyntax))
    }

    /// The merged syntax of baseline and reform; conflicts become diagnostics.
    public static func apply(_ reformSyntax: [SyntaxFile], files: [String], to baseline: [SyntaxFile],
                             diagnostics: inout DiagnosticBag) -> (Reform?, [SyntaxFile]) {
        var headers: [ReformSyntax] = []
        for file in reformSyntax {
            for (d, _) in file.declarations { if case .reform(let r) = d { headers.append(r) } }
        }
        guard let header = headers.first else {
            let at = reformSyntax.first.map { SourceRange(fileID: $0.fileID, start: 0, end: 0) } ?? .synthetic
            diagnostics.error(.reformConflict, at, "deze map heeft geen hervorming; begin een bestand met 'hervorming NAAM \"titel\"'")
            return (nil, baseline)
        }
        for extra in headers.dropFirst() {
            diagnostics.add(Diagnostic(.reformConflict, at: extra.name.range, "een map beschrijft één hervorming; '\(extra.name.text)' is de tweede",
                                       notes: [.init(range: header.name.range, message: "de hervorming van deze map")]))
        }
        // What the baseline declares, by name.
        var baselineNames: [String: SourceRange] = [:], baselineKinds: [String: DeclarationSyntax] = [:]
        for file in baseline {
            for (d, _) in file.declarations { if let n = d.declaredName { baselineNames[n.text] = n.range; baselineKinds[n.text] = d } }
        }
        var reformNames: [String: SourceRange] = [:], reformKinds: [String: DeclarationSyntax] = [:]
        for file in reformSyntax {
            for (d, _) in file.declarations { if let n = d.declaredName { reformNames[n.text] = n.range; reformKinds[n.text] = d } }
        }

        let replaced = Set(header.replaces.map(\.text)), removed = Set(header.removes.map(\.text))
        for n in header.replaces + header.removes where baselineNames[n.text] == nil {
            diagnostics.error(.reformConflict, n.range, "'\(n.text)' staat niet in de basis; een hervorming kan alleen bestaande declaraties vervangen of laten vervallen",
                              suggestion: Suggestions.closest(to: n.text, in: baselineNames.keys).map { "bedoelde u '\($0)'?" })
        }
        for n in header.replaces where reformNames[n.text] == nil {
            diagnostics.error(.reformConflict, n.range, "de hervorming vervangt '\(n.text)' maar declareert geen nieuwe '\(n.text)'",
                              suggestion: "voeg de nieuwe declaratie toe, of zet '\(n.text)' onder 'vervalt'")
        }
        for n in header.removes where reformNames[n.text] != nil {
            diagnostics.error(.reformConflict, n.range, "'\(n.text)' vervalt, maar de hervorming declareert het opnieuw; zet het onder 'vervangt'")
        }
        // An obligation, intent or discretion point is replaced by one of its own kind.
        for n in header.replaces {
            guard let old = baselineKinds[n.text], let new = reformKinds[n.text], let at = reformNames[n.text],
                  old.isVersionable || new.isVersionable, old.kindNoun != new.kindNoun else { continue }
            diagnostics.add(Diagnostic(.reformConflict, at: at,
                                       "'\(n.text)' is in de basis een \(old.kindNoun), maar de hervorming declareert een \(new.kindNoun) '\(n.text)'",
                                       suggestion: "vervang een \(old.kindNoun) door een \(old.kindNoun); een nieuwe \(new.kindNoun) krijgt een eigen naam",
                                       notes: [.init(range: baselineNames[n.text]!, message: "'\(n.text)' in de basis")]))
        }
        ReformReferences.check(header, baseline: baseline, reform: reformSyntax, diagnostics: &diagnostics)
        for (name, range) in reformNames where baselineNames[name] != nil && !replaced.contains(name) && !removed.contains(name) {
            diagnostics.add(Diagnostic(.reformConflict, at: range, "'\(name)' bestaat al in de basis",
                                       suggestion: "zet '\(name)' onder 'vervangt' in de kop van de hervorming als zij het vervangt",
                                       notes: [.init(range: baselineNames[name]!, message: "'\(name)' in de basis")]))
        }
        let reform = Reform(name: header.name.text, title: header.title?.value ?? header.name.text, source: header.source?.value ?? "",
                            validFrom: header.validFrom?.value, replaces: header.replaces.map(\.text), removes: header.removes.map(\.text),
                            adds: reformNames.keys.filter { baselineNames[$0] == nil }.sorted(), files: files)
        // A reform with a start date: the baseline before it, the reform from it.
        if let start = header.validFrom?.value {
            let plan = ReformFromDate.Plan(reform: header.name.text, start: start, startRange: header.validFrom!.range,
                                           replaced: replaced, removed: removed)
            return (reform, ReformFromDate.merge(baseline: baseline, reform: reformSyntax, plan))
        }
        let out = replaced.union(removed)
        let kept = baseline.map { file in
            SyntaxFile(fileID: file.fileID, declarations: file.declarations.filter { d in d.declaration.declaredName.map { !out.contains($0.text) } ?? true })
        }
        let added = reformSyntax.map { file in
            SyntaxFile(fileID: file.fileID, declarations: file.declarations.filter { d in
                if case .reform = d.declaration { return false }
                return true
            })
        }
        return (reform, kept + added)
    }
}
