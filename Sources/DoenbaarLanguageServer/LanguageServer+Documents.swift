/// The document notifications: the editor's texts replace the files on disk
/// while they are open, and every change asks for a new check.
extension LanguageServer {
    func didOpen(_ params: JSON) throws(Failure) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
            throw .params("textDocument (uri, text)")
        }
        documents.didOpen(uri: uri, text: text, version: item["version"]?.int)
        if layout == nil, let path = FileURI.path(uri) { layout = WorkspaceLayout.enclosing(file: path) }
        markChanged()
    }

    func didChange(_ params: JSON) throws(Failure) {
        guard let uri = params["textDocument", "uri"]?.string, let changes = params["contentChanges"]?.array else {
            throw .params("textDocument.uri, contentChanges")
        }
        let version = params["textDocument", "version"]?.int
        for change in changes {
            guard let text = change["text"]?.string else { throw .params("contentChanges[].text") }
            var range: (start: Position, end: Position)?
            if let r = change["range"] {
                guard let start = Position(r["start"]), let end = Position(r["end"]) else { throw .params("contentChanges[].range") }
                range = (start, end)
            }
            guard documents.didChange(uri: uri, range: range, text: text, version: version) else {
                throw Failure(.invalidParams, "'\(uri)' is niet geopend")
            }
        }
        markChanged()
    }

    func didClose(_ params: JSON) throws(Failure) {
        guard let uri = params["textDocument", "uri"]?.string else { throw .params("textDocument.uri") }
        documents.didClose(uri: uri)
        markChanged()
    }
}
