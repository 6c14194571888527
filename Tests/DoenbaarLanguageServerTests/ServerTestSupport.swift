import DoenbaarLanguageServer
import Foundation
import Testing

/// The package root, for the bundled Rules/ and Personas/.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A copy of Rules/ and Personas/ in a temporary folder, so a test can change files.
final class TemporaryWorkspace {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-lsp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for folder in ["Rules", "Personas"] {
            try FileManager.default.copyItem(atPath: "\(packageRoot)/\(folder)", toPath: "\(root)/\(folder)")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }
    func uri(_ relative: String) -> String { URL(fileURLWithPath: path(relative)).absoluteString }
    func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }
}

/// Drives a server in-process, one message at a time, like an editor that
/// waits for each answer.
final class TestClient {
    let server: LanguageServer
    private let box: LogBox
    private var nextID = 1
    /// What the server wrote to its log.
    var log: [String] { box.lines }

    init() {
        let box = LogBox()
        self.box = box
        server = LanguageServer(log: { box.lines.append($0) })
    }

    /// Sends a request; returns every message the server sent (the response last).
    func request(_ method: String, _ params: JSON = .null) -> (response: JSON, notifications: [JSON]) {
        let id = nextID
        nextID += 1
        let out = server.receive(JSON.object(["jsonrpc": "2.0", "id": JSON(id), "method": .string(method), "params": params]).encoded)
        let response = out.first { $0["id"] == JSON(id) } ?? .null
        return (response, out.filter { $0["id"] == nil })
    }

    /// Sends a notification; returns the diagnostics published after it.
    @discardableResult
    func notify(_ method: String, _ params: JSON = .null) -> [JSON] {
        var out = server.receive(JSON.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).encoded)
        out += server.runPendingCheck()
        return out
    }

    func initialize(root: String) {
        let r = request("initialize", ["rootUri": .string(URL(fileURLWithPath: root).absoluteString), "capabilities": [:]])
        #expect(r.response["result", "capabilities"] != nil, "\(r.response)")
        notify("initialized", [:])
    }

    @discardableResult
    func open(_ uri: String, _ text: String) -> [JSON] {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "doenbaar", "version": 1, "text": .string(text)]])
    }

    @discardableResult
    func change(_ uri: String, _ text: String, version: Int = 2) -> [JSON] {
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": JSON(version)], "contentChanges": [["text": .string(text)]]])
    }
}

final class LogBox: @unchecked Sendable {
    var lines: [String] = []
}

/// The diagnostics published for one URI in a list of messages (nil if none were).
func diagnostics(for uri: String, in messages: [JSON]) -> [JSON]? {
    messages.last { $0["method"] == "textDocument/publishDiagnostics" && $0["params", "uri"]?.string == uri }?["params", "diagnostics"]?.array
}

/// The position (0-based line, UTF-16 character) of the first occurrence of
/// `needle` in `text`, plus `offset` characters.
func position(of needle: String, in text: String, after marker: String? = nil, offset: Int = 0) -> (line: Int, character: Int)? {
    let lines = text.components(separatedBy: "\n")
    for (i, line) in lines.enumerated() {
        if let marker, !line.contains(marker) { continue }
        guard let r = line.range(of: needle) else { continue }
        return (i, line.utf16.distance(from: line.startIndex, to: r.lowerBound) + offset)
    }
    return nil
}

func textDocumentPosition(_ uri: String, _ p: (line: Int, character: Int)) -> JSON {
    ["textDocument": ["uri": .string(uri)], "position": ["line": JSON(p.line), "character": JSON(p.character)]]
}

/// Frames messages as a client writes them.
func frames(_ messages: [JSON]) -> [UInt8] {
    messages.flatMap { m -> [UInt8] in
        let body = m.encoded
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// The messages in a server's output.
func messages(in output: [UInt8]) -> [JSON] {
    var reader = MessageReader(BufferSource(output, pieceSize: 4096))
    var out: [JSON] = []
    while let frame = reader.next() {
        if case .message(let body) = frame, let json = JSON.parse(body) { out.append(json) }
    }
    return out
}
