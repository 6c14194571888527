import DoenbaarCore

/// The requests about a place in a document: hover, definition, completion, code actions.
extension LanguageServer {
    /// The document a request is about, and the byte offset of its position.
    private func place(_ params: JSON) throws(Failure) -> (path: String, bytes: [UInt8], index: LineIndex, offset: Int) {
        guard let uri = params["textDocument", "uri"]?.string else { throw .params("textDocument.uri") }
        guard let position = Position(params["position"]) else { throw .params("position (line, character)") }
        let path = FileURI.path(uri) ?? uri
        guard let bytes = documents.bytes(atPath: path) else { throw Failure(.invalidParams, "'\(uri)' is niet geopend en niet te lezen") }
        let index = LineIndex(bytes)
        return (path, bytes, index, index.offset(of: position))
    }

    func hover(_ params: JSON) throws(Failure) -> JSON {
        let at = try place(params)
        let cursor = CursorContext(bytes: at.bytes, offset: at.offset)
        guard let word = cursor.word else { return .null }
        let index = currentIndex()
        let symbols = index.lookup(word.text, from: at.path, block: cursor.block)
        guard !symbols.isEmpty else { return .null }
        let text = Hover.markdown(symbols, sources: index.snapshot.sources, root: layout?.root)
        return ["contents": ["kind": "markdown", "value": .string(text)], "range": at.index.range(word.range)]
    }

    func definition(_ params: JSON) throws(Failure) -> JSON {
        let at = try place(params)
        let cursor = CursorContext(bytes: at.bytes, offset: at.offset)
        guard let word = cursor.word else { return .null }
        let index = currentIndex()
        let converter = RangeConverter(sources: index.snapshot.sources)
        let locations: [JSON] = index.lookup(word.text, from: at.path, block: cursor.block).compactMap { s in
            guard let range = s.range, let file = index.snapshot.sources.file(range.fileID), let lsp = converter.range(range) else { return nil }
            return ["uri": .string(documents.uri(forPath: file.path)), "range": lsp]
        }
        return locations.isEmpty ? .null : .array(locations)
    }

    func completion(_ params: JSON) throws(Failure) -> JSON {
        let at = try place(params)
        guard let prefix = CursorContext(bytes: at.bytes, offset: at.offset).completionPrefix else {
            return ["isIncomplete": false, "items": []]
        }
        let symbols = currentIndex().visible(from: at.path)
        return Completion.list(prefix: prefix, symbols: symbols, isPersona: !at.path.hasSuffix(".regels"))
    }

    /// The fixes of the diagnostics the editor names (or, if it names none, of
    /// those published for the document that touch the range).
    func codeActions(_ params: JSON) throws(Failure) -> JSON {
        guard let uri = params["textDocument", "uri"]?.string else { throw .params("textDocument.uri") }
        let published = publisher.published[uri] ?? []
        let asked = params["context", "diagnostics"]?.array ?? []
        let chosen: [PublishedDiagnostic]
        if asked.isEmpty {
            guard let start = Position(params["range", "start"]), let end = Position(params["range", "end"]) else { throw .params("range") }
            chosen = published.filter { p in
                guard let from = Position(p.json["range", "start"]), let to = Position(p.json["range", "end"]) else { return false }
                return !(LanguageServer.before(to, start) || LanguageServer.before(end, from))
            }
        } else {
            chosen = published.filter { p in
                asked.contains { $0["range"] == p.json["range"] && $0["message"] == p.json["message"] && $0["code"] == p.json["code"] }
            }
        }
        return .array(chosen.flatMap { CodeActions.actions(for: $0, sources: publisher.sources, documents: documents) })
    }

    static func before(_ a: Position, _ b: Position) -> Bool {
        a.line < b.line || (a.line == b.line && a.character < b.character)
    }
}
