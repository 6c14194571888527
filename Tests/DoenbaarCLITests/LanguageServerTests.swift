import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `doenbaar lsp` as an editor meets it: the built executable started as a
/// process, spoken to over pipes by a client written here with Foundation's
/// JSONSerialization (independent of the server's own framing code).
@Suite(.serialized) struct LanguageServerTests {
    /// The executable SwiftPM built beside the test runner.
    static func executable() -> URL? {
        var candidates: [URL] = []
        if let runner = Bundle.main.executableURL { candidates.append(runner.deletingLastPathComponent().appendingPathComponent("doenbaar")) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("doenbaar"))
        candidates.append(URL(fileURLWithPath: "\(packageRoot)/.build/debug/doenbaar"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test func anEditorSessionOverStdio() throws {
        guard let doenbaar = Self.executable() else {
            Issue.record("no built 'doenbaar' beside the test runner (\(Bundle.main.executableURL?.path ?? "?")); run 'swift build' first")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-lsp-process-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for folder in ["Rules", "Personas"] { try FileManager.default.copyItem(atPath: "\(packageRoot)/\(folder)", toPath: "\(root)/\(folder)") }

        let server = try LSPProcess(doenbaar)
        defer { server.terminate() }
        let rule = "\(root)/Rules/ww/uitkering.regels", uri = URL(fileURLWithPath: rule).absoluteString
        let text = try String(contentsOfFile: rule, encoding: .utf8)

        // initialize, initialized
        let initialized = try #require(server.request("initialize", ["processId": NSNull(), "rootUri": URL(fileURLWithPath: root).absoluteString, "capabilities": [String: Any]()]))
        let capabilities = try #require((initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any], "\(initialized)")
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 1)
        #expect(capabilities["hoverProvider"] as? Bool == true)
        #expect(capabilities["definitionProvider"] as? Bool == true)
        server.notify("initialized", [String: Any]())

        // didOpen of a file with an unknown name after a '€' on its line
        let bad = text.replacingOccurrences(of: "anders max(€ 0, uitkeringspercentage", with: "anders max(€ 0, uitkeringspercentagee")
        #expect(bad != text)
        server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "doenbaar", "version": 1, "text": bad]])
        let published = try #require(server.diagnostics(for: uri), "no diagnostics for the opened file; stderr: \(server.errorOutput)")
        #expect(published.count == 1, "\(published)")
        let line = try #require(bad.components(separatedBy: "\n").firstIndex { $0.contains("uitkeringspercentagee") })
        let lineText = bad.components(separatedBy: "\n")[line]
        let column = lineText.utf16.distance(from: lineText.startIndex, to: lineText.range(of: "uitkeringspercentagee")!.lowerBound)
        #expect(column == 20 && lineText.utf8.distance(from: lineText.startIndex, to: lineText.range(of: "uitkeringspercentagee")!.lowerBound) == 22,
                "the line has a '€' before the error: UTF-16 and byte columns differ")
        let error = try #require(published.first)
        let start = (error["range"] as? [String: Any])?["start"] as? [String: Any]
        #expect(start?["line"] as? Int == line)
        #expect(start?["character"] as? Int == column)
        #expect(error["code"] as? String == "onbekende-naam")
        #expect((error["message"] as? String)?.contains("onbekende naam 'uitkeringspercentagee'") == true)

        // didChange fixing it: the file's diagnostics are cleared
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": text]]])
        let cleared = try #require(server.diagnostics(for: uri), "no diagnostics after the fix; stderr: \(server.errorOutput)")
        #expect(cleared.isEmpty, "\(cleared)")

        // hover on a fact declared in another file
        let lines = text.components(separatedBy: "\n")
        let useLine = try #require(lines.firstIndex { $0.contains("als heeft_ww en niet ww_verwijtbaar") })
        let useColumn = lines[useLine].utf16.distance(from: lines[useLine].startIndex, to: lines[useLine].range(of: "heeft_ww")!.lowerBound) + 2
        let place: [String: Any] = ["textDocument": ["uri": uri], "position": ["line": useLine, "character": useColumn]]
        let hover = try #require(server.request("textDocument/hover", place))
        let hoverText = ((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(hoverText?.contains("bron: Werkloosheidswet art. 15 lid 1 (recht op uitkering) en art. 32 (aanvraag)") == true, "\(hover)")
        #expect(hoverText?.contains("gegeven") == true)

        // definition: the declaring file and line
        let definition = try #require(server.request("textDocument/definition", place))
        let location = try #require((definition["result"] as? [[String: Any]])?.first, "\(definition)")
        let facts = "\(root)/Rules/ww/gegevens.regels"
        let declared = try #require(try String(contentsOfFile: facts, encoding: .utf8).components(separatedBy: "\n").firstIndex { $0.hasPrefix("gegeven heeft_ww:") })
        #expect(location["uri"] as? String == URL(fileURLWithPath: facts).absoluteString)
        #expect(((location["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == declared)

        // completion after "ww_dag"
        let minLine = try #require(lines.firstIndex { $0.contains("= min(ww_dagloon, maximumdagloon)") })
        let prefixEnd = lines[minLine].utf16.distance(from: lines[minLine].startIndex, to: lines[minLine].range(of: "ww_dag")!.upperBound)
        let completion = try #require(server.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": minLine, "character": prefixEnd]]))
        let labels = (((completion["result"] as? [String: Any])?["items"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
        #expect(labels.contains("ww_dagloon"), "\(completion)")
        #expect(!labels.isEmpty && labels.allSatisfy { $0.hasPrefix("ww_dag") }, "\(labels)")

        // an unknown request
        let unknown = try #require(server.request("doenbaar/bestaatNiet", [String: Any]()))
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)

        // shutdown, exit
        let shutdown = try #require(server.request("shutdown", nil))
        #expect(shutdown["result"] is NSNull, "\(shutdown)")
        server.notify("exit", nil)
        #expect(server.waitForExit() == 0, "stderr: \(server.errorOutput)")
    }
}

/// A language server process and the client side of the protocol.
final class LSPProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let condition = NSCondition()
    private var received: [UInt8] = []
    private var errorBytes: [UInt8] = []
    private var ended = false
    private var nextID = 1
    /// Long enough for a debug build on a loaded machine; a hang fails the test instead of blocking it.
    static let timeout: TimeInterval = 60

    init(_ executable: URL) throws {
        // Writing to a server that died must fail the test, not kill the runner.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = executable
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        read(output.fileHandleForReading) { self.received += $0 } atEnd: { self.ended = true }
        read(errors.fileHandleForReading) { self.errorBytes += $0 } atEnd: {}
    }

    /// Reads a pipe on its own thread until it ends.
    private func read(_ handle: FileHandle, _ append: @escaping @Sendable ([UInt8]) -> Void, atEnd: @escaping @Sendable () -> Void) {
        let descriptor = handle.fileDescriptor
        let thread = Thread { [condition] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { raw -> Int in
                    #if canImport(Glibc)
                    return Glibc.read(descriptor, raw.baseAddress, raw.count)
                    #else
                    return Darwin.read(descriptor, raw.baseAddress, raw.count)
                    #endif
                }
                if n < 0 && errno == EINTR { continue }
                condition.lock()
                if n > 0 { append(Array(buffer[0..<n])) } else { atEnd() }
                condition.broadcast()
                condition.unlock()
                if n <= 0 { return }
            }
        }
        thread.start()
    }

    var errorOutput: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: errorBytes, as: UTF8.self)
    }

    private func write(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message) else {
            Issue.record("cannot encode \(message)")
            return
        }
        let frame = Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        do { try input.fileHandleForWriting.write(contentsOf: frame) } catch { Issue.record("the server no longer reads: \(error)") }
    }

    func notify(_ method: String, _ params: Any?) {
        var message: [String: Any] = ["jsonrpc": "2.0", "method": method]
        if let params { message["params"] = params }
        write(message)
    }

    /// Sends a request and waits for its response (notifications before it are kept).
    func request(_ method: String, _ params: Any?) -> [String: Any]? {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        write(message)
        return next { $0["id"] as? Int == id }
    }

    /// Waits for the next diagnostics published for a URI.
    func diagnostics(for uri: String) -> [[String: Any]]? {
        let m = next { m in
            guard m["method"] as? String == "textDocument/publishDiagnostics" else { return false }
            return (m["params"] as? [String: Any])?["uri"] as? String == uri
        }
        return (m?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    }

    private var messages: [[String: Any]] = []

    /// The first message (received or still to come) that matches; nil after the timeout.
    private func next(_ matches: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(LSPProcess.timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            parseFrames()
            if let i = messages.firstIndex(where: matches) { return messages.remove(at: i) }
            if ended || !condition.wait(until: deadline) {
                parseFrames()
                if let i = messages.firstIndex(where: matches) { return messages.remove(at: i) }
                Issue.record("no matching message within \(Int(LSPProcess.timeout)) s; stderr: \(String(decoding: errorBytes, as: UTF8.self))")
                return nil
            }
        }
    }

    /// Moves complete frames from the received bytes to the messages.
    private func parseFrames() {
        let separator = Array("\r\n\r\n".utf8)
        while let end = (0..<max(0, received.count - 3)).first(where: { Array(received[$0..<($0 + 4)]) == separator }) {
            let header = String(decoding: received[0..<end], as: UTF8.self)
            guard let lengthLine = header.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                  let length = Int(lengthLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else {
                Issue.record("a header without Content-Length: \(header)")
                received.removeAll()
                return
            }
            guard received.count >= end + 4 + length else { return }
            let body = Data(received[(end + 4)..<(end + 4 + length)])
            received.removeFirst(end + 4 + length)
            guard let message = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
                Issue.record("a body that is no JSON object: \(String(decoding: body, as: UTF8.self))")
                continue
            }
            messages.append(message)
        }
    }

    /// The exit status, or nil if the process did not end in time.
    func waitForExit() -> Int32? {
        let deadline = Date().addingTimeInterval(LSPProcess.timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func terminate() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }
}
