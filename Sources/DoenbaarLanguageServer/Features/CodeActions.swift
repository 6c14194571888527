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
    /// The quick fixes of one diagnostic. This is the one place where
    /// diagnostics become fixes: when `Diagnostic` carries fix-its (each a
    /// message and edits of a `SourceRange` with a replacement), each fix-it
    /// maps to one `QuickFix` with its message as the title and its edits as
    /// they are; the rest of the server (matching the editor's diagnostics,
    /// positions in UTF-16, the workspace edit) is in place. Until then no
    /// diagnostic has a fix, and this returns none.
    public static func quickFixes(for diagnostic: Diagnostic) -> [QuickFix] {
        []
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
