import DoenbaarCore

/// Every rule file of the workspace, parsed, as the editor has it now: open
/// documents count with their text in the editor, other files as on disk.
/// The symbol index and the check both start from one snapshot.
final class WorkspaceSnapshot {
    struct Parsed {
        let path: String
        let syntax: SyntaxFile
        let diagnostics: DiagnosticBag
    }

    struct ReformFolder {
        let folder: String
        let files: [Parsed]
    }

    let layout: WorkspaceLayout?
    let sources = SourceManager()
    private(set) var baseline: [Parsed] = []
    private(set) var reforms: [ReformFolder] = []
    /// Open rule files outside the workspace's rules, each a rule set of its own.
    private(set) var standalone: [Parsed] = []
    /// The personas to check: Personas/ on disk and every open persona.
    private(set) var personaPaths: [String] = []
    let generation: Int

    init(layout: WorkspaceLayout?, documents: DocumentStore) {
        self.layout = layout
        generation = documents.generation
        let openPaths = documents.open.values.map(\.path)
        func role(_ path: String) -> WorkspaceLayout.Role {
            layout?.role(of: path) ?? (path.hasSuffix(".regels") ? .standalone : path.hasSuffix(".persona") ? .persona : .other)
        }
        if let layout {
            let baselinePaths = Set(layout.baselineFilesOnDisk()).union(openPaths.filter { role($0) == .baseline })
            baseline = baselinePaths.sorted().compactMap { parse($0, documents) }
            var folders = Set(layout.reformFolders())
            for p in openPaths { if case .reform(let folder) = role(p) { folders.insert(folder) } }
            reforms = folders.sorted().map { folder in
                let paths = Set(layout.reformFilesOnDisk(folder)).union(openPaths.filter { role($0) == .reform(folder) })
                return ReformFolder(folder: folder, files: paths.sorted().compactMap { parse($0, documents) })
            }
            personaPaths = layout.personaFilesOnDisk()
        }
        standalone = openPaths.filter { role($0) == .standalone }.sorted().compactMap { parse($0, documents) }
        personaPaths = Array(Set(personaPaths).union(openPaths.filter { role($0) == .persona })).sorted()
    }

    private func parse(_ path: String, _ documents: DocumentStore) -> Parsed? {
        guard let bytes = documents.bytes(atPath: path) else { return nil }
        let source = SourceFile(path: path, bytes: bytes)
        let (syntax, diagnostics) = RuleFileParser.parse(source, fileID: sources.add(source))
        return Parsed(path: path, syntax: syntax, diagnostics: diagnostics)
    }

    /// Which parsed files a document sees names from: a reform sees its own
    /// files and the baseline, a file on its own only itself, anything else the baseline.
    func visibleFiles(from path: String) -> [Parsed] {
        switch layout?.role(of: path) ?? (path.hasSuffix(".regels") ? .standalone : .persona) {
        case .reform(let folder):
            return (reforms.first { $0.folder == folder }?.files ?? []) + baseline
        case .standalone:
            return standalone.filter { $0.path == path }
        default:
            return baseline
        }
    }
}
