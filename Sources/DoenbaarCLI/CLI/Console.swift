import DoenbaarCore
import Foundation

/// Exit codes and user-facing output in one place.
public enum ExitCode: Int32, Sendable {
    case success = 0
    case inputErrors = 1      // the rules or personas have errors
    case usage = 2            // unusable arguments or unreadable files
}

/// Where a command writes. The executable passes the standard streams; tests
/// pass a console that collects the text, so a command is tested whole.
public final class Console: @unchecked Sendable {
    private let write: (_ text: String, _ toError: Bool) -> Void
    /// Whether standard error is a terminal (progress bars only then).
    public let errorIsTerminal: Bool

    public init(errorIsTerminal: Bool = false, write: @escaping (_ text: String, _ toError: Bool) -> Void) {
        self.write = write
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's own standard output and standard error, written with
    /// write(2): a full disk or a closed pipe is an error the command can
    /// report (`outputFailure`), never a trap (FileHandle.write traps).
    public static func standard() -> Console {
        let failure = OutputFailure()
        let console = Console(errorIsTerminal: isatty(STDERR_FILENO) != 0) { text, toError in
            guard let error = StandardStreams.write(text, to: toError ? STDERR_FILENO : STDOUT_FILENO) else { return }
            if !toError { failure.record(error) }
        }
        console.failure = failure
        return console
    }

    private var failure: OutputFailure?
    /// Why standard output could not be written, if it could not.
    public var outputFailure: String? { failure?.reason }

    public func out(_ text: String) { write(text, false) }
    public func err(_ text: String) { write(text, true) }

    /// One line on stderr, for usage errors and unreadable files.
    public func fail(_ message: String) -> ExitCode {
        err("doenbaar: fout: \(message)\n")
        return .usage
    }

    /// Diagnostics in the drafter's form, followed by a count.
    public func diagnostics(_ bag: DiagnosticBag, sources: SourceManager) {
        guard !bag.all.isEmpty else { return }
        err(DiagnosticRenderer(sources: sources).render(bag.all))
        let errors = bag.errors.count, warnings = bag.all.count - errors
        var summary: [String] = []
        if errors > 0 { summary.append("\(errors) fout\(errors == 1 ? "" : "en")") }
        if warnings > 0 { summary.append("\(warnings) waarschuwing\(warnings == 1 ? "" : "en")") }
        err(summary.joined(separator: ", ") + "\n")
    }
}

/// The first failure to write standard output.
final class OutputFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?
    func record(_ reason: String) { lock.lock(); if first == nil { first = reason }; lock.unlock() }
    var reason: String? { lock.lock(); defer { lock.unlock() }; return first }
}

enum StandardStreams {
    /// Writes all of the text; nil when written, else why not (in Dutch).
    static func write(_ text: String, to descriptor: Int32) -> String? {
        switch writeAll(text, to: descriptor) {
        case nil: return nil
        case EPIPE?: return "de ontvanger van de uitvoer is gesloten"
        case EBADF?: return "er is geen uitvoer open"
        case let code?: return SystemMessage.dutch(errno: code)
        }
    }
}

/// A console that keeps what was written, for tests.
public final class RecordingConsole: @unchecked Sendable {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""
    public init() {}
    public var console: Console {
        Console { [self] text, toError in
            if toError { standardError += text } else { standardOutput += text }
        }
    }
}
