/// `initialize`: where the project is, and what the server can do.
extension LanguageServer {
    static let capabilities: JSON = [
        "positionEncoding": "utf-16",
        // Full text on every change (TextDocumentSyncKind.Full = 1), open and close, and saves.
        "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
        "hoverProvider": true,
        "definitionProvider": true,
        "completionProvider": ["resolveProvider": false, "triggerCharacters": []],
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
    ]

    func initialize(_ params: JSON) -> JSON {
        // The project: the first folder the editor names that holds Rules/ (or is Rules/).
        var folders: [String] = []
        for folder in params["workspaceFolders"]?.array ?? [] {
            if let uri = folder["uri"]?.string, let path = FileURI.path(uri) { folders.append(path) }
        }
        if let uri = params["rootUri"]?.string, let path = FileURI.path(uri) { folders.append(path) }
        if let path = params["rootPath"]?.string { folders.append(path) }
        layout = folders.lazy.compactMap(WorkspaceLayout.at(folder:)).first
        if layout == nil { log("geen map met Rules/ in de werkruimte; die wordt gezocht boven het eerste geopende bestand") }
        return ["capabilities": LanguageServer.capabilities, "serverInfo": ["name": "doenbaar"]]
    }
}
