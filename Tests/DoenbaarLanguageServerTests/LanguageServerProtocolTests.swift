import DoenbaarCore
import DoenbaarLanguageServer
import Foundation
import Testing

/// The lifecycle, errors as JSON-RPC errors, the seam for code actions, and
/// input that is no protocol at all.
@Suite struct LanguageServerProtocolTests {
    @Test func requestsBeforeInitializeAreRefusedAndNotificationsDropped() {
        let client = TestClient()
        let r = client.request("textDocument/hover", textDocumentPosition("file:///x.regels", (0, 0)))
        #expect(r.response["error", "code"] == JSON(RPCError.serverNotInitialized.rawValue))
        #expect(client.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///x.regels", "text": "x"]]).isEmpty)
        #expect(client.server.phase == .waitingForInitialize)
    }

    @Test func theServerSaysWhatItCan() {
        let client = TestClient()
        let caps = client.request("initialize", ["capabilities": [:]]).response["result", "capabilities"]
        #expect(caps?["textDocumentSync", "change"] == 1)
        #expect(caps?["hoverProvider"] == true)
        #expect(caps?["definitionProvider"] == true)
        #expect(caps?["completionProvider"] != nil)
        #expect(caps?["codeActionProvider", "codeActionKinds"] == ["quickfix"])
        #expect(client.request("initialize", ["capabilities": [:]]).response["error", "code"] == JSON(RPCError.invalidRequest.rawValue))
    }

    @Test func anUnknownRequestIsMethodNotFoundAndBadParamsInvalidParams() {
        let client = TestClient()
        _ = client.request("initialize", ["capabilities": [:]])
        #expect(client.request("textDocument/rename", [:]).response["error", "code"] == JSON(RPCError.methodNotFound.rawValue))
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": "file:///x.regels"]]).response["error", "code"] == JSON(RPCError.invalidParams.rawValue))
        // Unknown notifications need no answer.
        #expect(client.notify("$/setTrace", ["value": "off"]).isEmpty)
        // A change to a document that is not open is logged, not fatal.
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///nergens.regels"], "contentChanges": [["text": "x"]]])
        #expect(client.log.contains { $0.contains("niet geopend") }, "\(client.log)")
    }

    @Test func shutdownThenExitEndsWithZeroAndExitAloneWithOne() {
        let client = TestClient()
        _ = client.request("initialize", ["capabilities": [:]])
        #expect(client.request("shutdown").response["result"] == .null)
        #expect(client.request("textDocument/hover", [:]).response["error", "code"] == JSON(RPCError.invalidRequest.rawValue))
        client.notify("exit")
        #expect(client.server.exitCode == 0)

        let abrupt = TestClient()
        _ = abrupt.request("initialize", ["capabilities": [:]])
        abrupt.notify("exit")
        #expect(abrupt.server.exitCode == 1)
    }

    @Test func bodiesThatAreNoRequestGetAJSONRPCError() {
        let server = LanguageServer()
        #expect(server.receive(Array("{nee".utf8)).first?["error", "code"] == JSON(RPCError.parseError.rawValue))
        #expect(server.receive(Array("[1,2]".utf8)).first?["error", "code"] == JSON(RPCError.invalidRequest.rawValue))
        #expect(server.receive(Array(#"{"id":{"a":1},"method":"x"}"#.utf8)).first?["error", "code"] == JSON(RPCError.invalidRequest.rawValue))
        #expect(server.receive(Array(#"{"id":3,"method":7}"#.utf8)).first?["id"] == 3)
    }

    @Test func theLoopOverBytesAnswersInOrderAndExitsCleanly() throws {
        let ws = try TemporaryWorkspace()
        let text = try ws.text("Rules/ww/uitkering.regels")
        let uri = ws.uri("Rules/ww/uitkering.regels")
        let input = frames([
            ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": .string(URL(fileURLWithPath: ws.root).absoluteString)]],
            ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
            ["jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": ["textDocument": ["uri": .string(uri), "version": 1, "text": .string(text.replacingOccurrences(of: "= min(ww_dagloon,", with: "= min(ww_dagloom,"))]]],
            ["jsonrpc": "2.0", "id": 2, "method": "shutdown"],
            ["jsonrpc": "2.0", "method": "exit"],
        ])
        let output = BufferSink()
        let code = ServerLoop.run(input: BufferSource(input), output: output, log: { _ in }, coalesceChecks: false)
        #expect(code == 0)
        let out = messages(in: output.bytes)
        #expect(out.first?["id"] == 1)
        #expect(out.last?["id"] == 2)
        let found = try #require(diagnostics(for: uri, in: out))
        #expect(found.map { $0["message"]?.string?.components(separatedBy: "\n").first } == ["onbekende naam 'ww_dagloom'"])
    }

    @Test func garbageNeverStopsTheServer() {
        var generator = SplitMix(seed: 12)
        let valid = frames([["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [:]],
                            ["jsonrpc": "2.0", "id": 2, "method": "shutdown"], ["jsonrpc": "2.0", "method": "exit"]])
        for round in 0..<60 {
            var garbage = (0..<Int(generator.next() % 600)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 3 == 0 { garbage = Array("Content-Length: 7\r\n\r\n{\"id\":[".utf8) + garbage }
            if round % 3 == 1 { garbage = Array("Content-Length: 12\r\n\r\n".utf8) + Array(repeating: 0x7B, count: 12) }
            let output = BufferSink()
            let code = ServerLoop.run(input: BufferSource(garbage + valid, pieceSize: 1 + Int(generator.next() % 50)),
                                      output: output, log: { _ in }, coalesceChecks: false)
            let answered = messages(in: output.bytes).compactMap { $0["id"]?.int }
            #expect(code == 0 && answered.suffix(2) == [1, 2], "round \(round): exit \(code), answered \(answered)")
        }
    }

    @Test func aFixItBecomesAQuickFixThatEditsTheFile() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let uri = ws.uri("Rules/ww/uitkering.regels")
        let text = try ws.text("Rules/ww/uitkering.regels").replacingOccurrences(of: "anders max(€ 0, uitkeringspercentage", with: "anders max(€ 0, uitkeringspercentagee")
        let published = try #require(diagnostics(for: uri, in: client.open(uri, text)))
        let asked = client.request("textDocument/codeAction", ["textDocument": ["uri": .string(uri)], "range": published[0]["range"]!,
                                                               "context": ["diagnostics": .array(published)]])
        // The unknown name's fix-it (the closest declared name) is offered as the preferred quick fix.
        let offered = try #require(asked.response["result"]?.array?.first)
        #expect(offered["kind"] == "quickfix")
        #expect(offered["isPreferred"] == true)
        #expect(offered["title"] == "bedoelde u 'uitkeringspercentage'?")
        #expect(offered["edit", "changes", uri] == [["range": published[0]["range"]!, "newText": "uitkeringspercentage"]])

        // The conversion a fix-it goes through: byte ranges to UTF-16 positions, per file.
        let sources = SourceManager()
        let id = sources.add(SourceFile(path: ws.path("Rules/ww/uitkering.regels"), text: text))
        let start = text.utf8.distance(from: text.startIndex, to: text.range(of: "uitkeringspercentagee")!.lowerBound)
        let fix = QuickFix(title: "vervang door 'uitkeringspercentage'",
                           edits: [.init(range: SourceRange(fileID: id, start: start, end: start + 21), replacement: "uitkeringspercentage")], isPreferred: true)
        let action = try #require(CodeActions.action(fix, fixing: published[0], sources: sources, documents: DocumentStore()))
        #expect(action["kind"] == "quickfix")
        #expect(action["isPreferred"] == true)
        #expect(action["diagnostics"] == [published[0]])
        #expect(action["edit", "changes", uri] == [["range": published[0]["range"]!, "newText": "uitkeringspercentage"]])
        #expect(CodeActions.action(QuickFix(title: "nergens", edits: [.init(range: .synthetic, replacement: "")]), fixing: nil,
                                   sources: sources, documents: DocumentStore()) == nil)
    }
}

/// A small deterministic generator, so a failing round can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
