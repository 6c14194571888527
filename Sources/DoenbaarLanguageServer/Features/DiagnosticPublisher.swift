import DoenbaarCore

/// A diagnostic as sent to the editor, with the diagnostic it came from (for code actions).
struct PublishedDiagnostic {
    let json: JSON
    let diagnostic: Diagnostic
}

/// Turns the diagnostics of a check into `textDocument/publishDiagnostics`
/// notifications: one per file that has diagnostics now, and an empty one
/// for each file that had some before and has none now.
struct DiagnosticPublisher {
    /// What each URI was last sent.
    private(set) var published: [String: [PublishedDiagnostic]] = [:]
    /// The sources of the check the published diagnostics came from.
    private(set) var sources = SourceManager()

    mutating func publish(_ diagnostics: [Diagnostic], sources: SourceManager, documents: DocumentStore,
                          log: (String) -> Void) -> [JSON] {
        let converter = RangeConverter(sources: sources)
        var byURI: [String: [PublishedDiagnostic]] = [:]
        var seen = Set<String>()
        for d in DiagnosticRenderer(sources: sources).sorted(diagnostics) {
            guard let file = sources.file(d.range.fileID) else {
                log("melding zonder plaats in een bestand: \(d.message)")
                continue
            }
            // The same file read twice (a reform read from disk) gives the same diagnostic twice.
            guard seen.insert("\(file.path)\u{0}\(d.range.start)\u{0}\(d.range.end)\u{0}\(d.message)").inserted else { continue }
            let uri = documents.uri(forPath: file.path)
            byURI[uri, default: []].append(PublishedDiagnostic(json: json(d, converter, documents), diagnostic: d))
        }
        var out: [JSON] = []
        for uri in Set(published.keys).union(byURI.keys).sorted() {
            let now = byURI[uri] ?? []
            // Files that were clean and still are need no message.
            if now.isEmpty && (published[uri] ?? []).isEmpty { continue }
            var params: JSON = ["uri": .string(uri), "diagnostics": .array(now.map(\.json))]
            if case .object(var members) = params, let version = documents.open[uri]?.version {
                members["version"] = JSON(version)
                params = .object(members)
            }
            out.append(Outgoing.notification("textDocument/publishDiagnostics", params))
        }
        published = byURI
        self.sources = sources
        return out
    }

    /// An LSP diagnostic: the message with the suggestion under it, the stable
    /// id as its code, notes as related information.
    private func json(_ d: Diagnostic, _ converter: RangeConverter, _ documents: DocumentStore) -> JSON {
        let severity: Int
        switch d.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .note: severity = 3
        }
        var members: [String: JSON] = [
            "range": converter.range(d.range) ?? Self.origin,
            "severity": JSON(severity),
            "code": .string(d.id.rawValue),
            "source": "doenbaar",
            "message": .string(d.message + (d.suggestion.map { "\nhulp: \($0)" } ?? "")),
        ]
        let related: [JSON] = d.notes.compactMap { note in
            guard let file = converter.sources.file(note.range.fileID), let range = converter.range(note.range) else { return nil }
            return ["location": ["uri": .string(documents.uri(forPath: file.path)), "range": range], "message": .string(note.message)]
        }
        if !related.isEmpty { members["relatedInformation"] = .array(related) }
        return .object(members)
    }

    static let origin: JSON = ["start": Position(line: 0, character: 0).json, "end": Position(line: 0, character: 0).json]
}

/// Source ranges to LSP ranges, with one line index per file.
final class RangeConverter {
    let sources: SourceManager
    private var indexes: [Int: LineIndex] = [:]

    init(sources: SourceManager) { self.sources = sources }

    func index(_ fileID: Int) -> LineIndex? {
        if let known = indexes[fileID] { return known }
        guard let file = sources.file(fileID) else { return nil }
        let index = LineIndex(file.bytes)
        indexes[fileID] = index
        return index
    }

    func range(_ range: SourceRange) -> JSON? { index(range.fileID)?.range(range) }
}
