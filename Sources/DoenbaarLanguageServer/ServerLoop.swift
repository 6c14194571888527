/// Runs a language server over a byte stream: reads framed messages, hands
/// them to the server, writes its answers. Checks wait while more input is
/// already waiting, so a burst of changes is checked once.
public enum ServerLoop {
    /// The exit code: 0 after `shutdown` and `exit`; 1 when input ends or
    /// `exit` comes without `shutdown`, or the client stops reading.
    public static func run(input: ByteSource, output: ByteSink, log: @escaping (String) -> Void,
                           coalesceChecks: Bool = true) -> Int32 {
        let server = LanguageServer(log: log)
        var reader = MessageReader(input)
        let writer = MessageWriter(output)
        func send(_ messages: [JSON]) -> Bool { messages.allSatisfy { writer.send($0) } }

        while let frame = reader.next() {
            switch frame {
            case .message(let body):
                guard send(server.receive(body)) else {
                    log("de client leest niet meer; gestopt")
                    return 1
                }
            case .malformed(let problem):
                log("onleesbare invoer: \(problem)")
            }
            if let code = server.exitCode { return code }
            let moreWaiting = coalesceChecks && (reader.hasBufferedInput || input.hasPendingInput)
            if server.needsCheck && !moreWaiting {
                guard send(server.runPendingCheck()) else {
                    log("de client leest niet meer; gestopt")
                    return 1
                }
            }
        }
        log("invoer beëindigd zonder 'exit'")
        return server.phase == .shutDown ? 0 : 1
    }
}
