import DoenbaarCore

/// A fix for a diagnostic as the editor offers it: a title, and edits of the
/// source, each a byte range and the text that replaces it.
public struct QuickFix: Sendable, Hashable {
    public struct Edit: Sendable, Hashable {
        public let range: SourceRange
        public let replacement: String
        public init(range: SourceRange, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    public let title: String
    public let edits: [Edit]
    public var isPreferred: Bool

    public init(title: String, edits: [Edit], isPreferred: Bool = false) {
        self.title = title
        self.edits = edits
        self.isPreferred = isPreferred
    }
}

/// `textDocument/codeAction`: the quick fixes of the diagnostics the editor asks about.
public enum CodeActions {
    /// The quick fixes of one diagnostic: one per fix-it it carries, titled by
    /// its message, with its edits as they are; the first is the preferred one.
    public static func quickFixes(for diagnostic: Diagnostic) -> [QuickFix] {
        diagnostic.fixIts.enumerated().map { i, fix in
            QuickFix(title: fix.message, edits: fix.edits.map { QuickFix.Edit(range: $0.range, replacement: $0.replacement) }, isPreferred: i == 0)
        }
    }

    /// The LSP code actions for the fixes of one published diagnostic.
    static func actions(for published: PublishedDiagnostic, sources: SourceManager, documents: DocumentStore) -> [JSON] {
        quickFixes(for: published.diagnostic).compactMap { action($0, fixing: published.json, sources: sources, documents: documents) }
    }

    /// One quick fix as a code action of kind `quickfix`, its edits in UTF-16
    /// positions; nil when an edit lies in no file (a fix must never land
    /// somewhere else).
    public static func action(_ fix: QuickFix, fixing diagnostic: JSON?, sources: SourceManager, documents: DocumentStore) -> JSON? {
        let converter = RangeConverter(sources: sources)
        var changes: [String: [JSON]] = [:]
        for edit in fix.edits {
            guard let file = converter.sources.file(edit.range.fileID), let range = converter.range(edit.range) else { return nil }
            changes[documents.uri(forPath: file.path), default: []].append(["range": range, "newText": .string(edit.replacement)])
        }
        var members: [String: JSON] = [
            "title": .string(fix.title),
            "kind": "quickfix",
            "edit": ["changes": .object(changes.mapValues { .array($0) })],
        ]
        if let diagnostic { members["diagnostics"] = [diagnostic] }
        if fix.isPreferred { members["isPreferred"] = true }
        return .object(members)
    }
}
