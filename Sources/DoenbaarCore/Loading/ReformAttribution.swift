/// Says which diagnostics of a reform applied to its baseline the reform causes.
///
/// A diagnostic in a baseline file that the baseline alone does not give comes
/// from the reform (a `vervalt` taking away a name the baseline still reads, a
/// replacement of another type): its message names the reform, and a note points
/// at the reform's line that causes it (the `vervalt` or `vervangt` entry of a
/// name the diagnostic is about, or else the reform's header). The baseline's own
/// warnings are left out: the baseline's load reports them. Diagnostics in the
/// reform's own files are kept as they are; their path is the reform's folder.
enum ReformAttribution {
    static func attribute(_ diagnostics: DiagnosticBag, reform: [SyntaxFile], baseline: [SyntaxFile],
                          sources: SourceManager) -> DiagnosticBag {
        guard let header = reform.lazy.flatMap(\.declarations).compactMap({ d -> ReformSyntax? in
            if case .reform(let r) = d.declaration { return r }
            return nil
        }).first else { return diagnostics }
        let baselineFiles = Set(baseline.map(\.fileID))
        let inBaseline = diagnostics.all.filter { baselineFiles.contains($0.range.fileID) }
        guard !inBaseline.isEmpty else { return diagnostics }
        let own = Set(Checker.check(baseline).diagnostics.all)
        var out = DiagnosticBag()
        for d in diagnostics.all {
            guard baselineFiles.contains(d.range.fileID) else { out.add(d); continue }
            if own.contains(d) {
                if d.severity == .error { out.add(d) }
                continue
            }
            out.add(attributed(d, to: header, reform: reform, baseline: baseline, sources: sources))
        }
        return out
    }

    private static func attributed(_ d: Diagnostic, to header: ReformSyntax, reform: [SyntaxFile], baseline: [SyntaxFile],
                                   sources: SourceManager) -> Diagnostic {
        let name = header.name.text
        let message = "\(d.message); dit komt door hervorming '\(name)'"
        let about = names(in: d, sources: sources)
        if let removed = header.removes.first(where: { about.contains($0.text) }) {
            // The baseline still reads what the reform drops: a guess at a similar name would mislead.
            let user = declaration(around: d.range, in: baseline).map { "'\($0)'" } ?? "de declaratie die het gebruikt"
            return Diagnostic(d.id, d.severity, at: d.range, message,
                              suggestion: "vervang ook \(user) in de hervorming (zet het onder 'vervangt', met een versie zonder '\(removed.text)'), of laat '\(removed.text)' niet vervallen",
                              notes: d.notes + [.init(range: removed.range, message: "hervorming '\(name)' laat '\(removed.text)' vervallen")])
        }
        if let replaced = header.replaces.first(where: { about.contains($0.text) }) {
            let at = declaredNames(in: reform)[replaced.text] ?? replaced.range
            return d.with(message: message, addingNotes: [.init(range: at, message: "hervorming '\(name)' vervangt '\(replaced.text)' hier")])
        }
        return d.with(message: message, addingNotes: [.init(range: header.name.range, message: "hervorming '\(name)'")])
    }

    /// The names a diagnostic is about: those quoted in its message, and the words of the text it points at.
    static func names(in d: Diagnostic, sources: SourceManager) -> Set<String> {
        var out = Set(d.message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) })
        if let text = sources.file(d.range.fileID)?.text(d.range) {
            out.formUnion(text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        }
        return out
    }

    /// The declaration whose text holds a range: the last one that starts before it in its file.
    static func declaration(around range: SourceRange, in files: [SyntaxFile]) -> String? {
        guard let file = files.first(where: { $0.fileID == range.fileID }) else { return nil }
        return file.declarations.last { $0.keyword.start <= range.start }?.declaration.declaredName?.text
    }

    static func declaredNames(in files: [SyntaxFile]) -> [String: SourceRange] {
        var out: [String: SourceRange] = [:]
        for file in files {
            for (d, _) in file.declarations { if let n = d.declaredName, out[n.text] == nil { out[n.text] = n.range } }
        }
        return out
    }
}
