import DoenbaarCore

/// A language server for `.regels` and `.persona` files: the lifecycle, and
/// each message handed to its handler. Transport-free: it takes message
/// bodies and returns the messages to send (see `ServerLoop` for stdio).
/// One thread drives it; nothing here blocks on the client.
public final class LanguageServer {
    public enum Phase: Sendable, Equatable {
        case waitingForInitialize, running, shutDown
    }

    public private(set) var phase = Phase.waitingForInitialize
    /// Set by the `exit` notification: 0 after `shutdown`, 1 without (as LSP asks).
    public private(set) var exitCode: Int32?

    var documents = DocumentStore()
    var layout: WorkspaceLayout?
    var publisher = DiagnosticPublisher()
    /// Whether the texts changed since diagnostics were last published.
    public private(set) var needsCheck = false
    private var snapshotCache: WorkspaceSnapshot?
    private var indexCache: SymbolIndex?
    let log: (String) -> Void

    /// - Parameter log: where problems with the input are told (stderr for the command).
    public init(log: @escaping (String) -> Void = { _ in }) {
        self.log = log
    }

    /// One message body as it arrived.
    public func receive(_ body: [UInt8]) -> [JSON] {
        guard let json = JSON.parse(body) else {
            log("bericht is geen JSON (\(body.count) bytes); overgeslagen")
            return [Outgoing.error(id: .null, .parseError, "bericht is geen geldige JSON")]
        }
        return handle(RPCMessage(json))
    }

    public func handle(_ message: RPCMessage) -> [JSON] {
        switch message {
        case .request(let id, let method, let params):
            return request(id: id, method: method, params: params)
        case .notification(let method, let params):
            return notification(method, params)
        case .response:
            return []
        case .invalid(let id, let reason):
            log("ongeldig bericht: \(reason)")
            return [Outgoing.error(id: id, .invalidRequest, reason)]
        }
    }

    struct Failure: Error {
        let code: RPCError
        let message: String
        init(_ code: RPCError, _ message: String) {
            self.code = code
            self.message = message
        }
        static func params(_ what: String) -> Failure { Failure(.invalidParams, "parameter ontbreekt of is ongeldig: \(what)") }
    }

    private func request(id: JSON, method: String, params: JSON) -> [JSON] {
        if method == "initialize" {
            guard phase == .waitingForInitialize else { return [Outgoing.error(id: id, .invalidRequest, "de server is al geïnitialiseerd")] }
            phase = .running
            return [Outgoing.result(id: id, initialize(params))]
        }
        switch phase {
        case .waitingForInitialize: return [Outgoing.error(id: id, .serverNotInitialized, "eerst 'initialize'")]
        case .shutDown: return [Outgoing.error(id: id, .invalidRequest, "de server is afgesloten; alleen 'exit' nog")]
        case .running: break
        }
        do throws(Failure) {
            switch method {
            case "shutdown":
                phase = .shutDown
                return [Outgoing.result(id: id, .null)]
            case "textDocument/hover": return [Outgoing.result(id: id, try hover(params))]
            case "textDocument/definition": return [Outgoing.result(id: id, try definition(params))]
            case "textDocument/completion": return [Outgoing.result(id: id, try completion(params))]
            case "textDocument/codeAction": return [Outgoing.result(id: id, try codeActions(params))]
            default:
                log("onbekend verzoek '\(method)'")
                return [Outgoing.error(id: id, .methodNotFound, "onbekend verzoek '\(method)'")]
            }
        } catch {
            log("verzoek '\(method)': \(error.message)")
            return [Outgoing.error(id: id, error.code, error.message)]
        }
    }

    private func notification(_ method: String, _ params: JSON) -> [JSON] {
        if method == "exit" {
            exitCode = phase == .shutDown ? 0 : 1
            return []
        }
        // Before `initialize` notifications are dropped, after `shutdown` too.
        guard phase == .running else { return [] }
        do throws(Failure) {
            switch method {
            case "initialized": needsCheck = layout != nil
            case "textDocument/didOpen": try didOpen(params)
            case "textDocument/didChange": try didChange(params)
            case "textDocument/didClose": try didClose(params)
            case "textDocument/didSave", "workspace/didChangeWatchedFiles":
                documents.filesChanged()
                needsCheck = true
            default: break   // $/cancelRequest, $/setTrace, configuration: nothing to do
            }
        } catch {
            log("melding '\(method)': \(error.message)")
        }
        return []
    }

    /// Checks the workspace as the editor has it and returns the diagnostics to publish.
    public func runPendingCheck() -> [JSON] {
        guard needsCheck else { return [] }
        needsCheck = false
        let snapshot = currentSnapshot()
        let diagnostics = WorkspaceCheck.run(snapshot, documents: documents)
        return publisher.publish(diagnostics, sources: snapshot.sources, documents: documents, log: log)
    }

    // MARK: Shared state

    func currentSnapshot() -> WorkspaceSnapshot {
        if let cached = snapshotCache, cached.generation == documents.generation { return cached }
        let snapshot = WorkspaceSnapshot(layout: layout, documents: documents)
        snapshotCache = snapshot
        indexCache = nil
        return snapshot
    }

    func currentIndex() -> SymbolIndex {
        let snapshot = currentSnapshot()
        if let cached = indexCache, cached.snapshot === snapshot { return cached }
        let index = SymbolIndex(snapshot)
        indexCache = index
        return index
    }

    func markChanged() { needsCheck = true }
}
