import DoenbaarCore
import Foundation

/// Exit codes and user-facing output in one place.
enum ExitCode: Int32 {
    case success = 0
    case inputErrors = 1      // the rules or personas have errors
    case usage = 2            // unusable arguments or unreadable files
}

enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// One line on stderr, for usage errors and unreadable files.
    static func fail(_ message: String) -> ExitCode {
        err("doenbaar: fout: \(message)\n")
        return .usage
    }

    static func diagnostics(_ bag: DiagnosticBag, sources: SourceManager) {
        guard !bag.all.isEmpty else { return }
        err(DiagnosticRenderer(sources: sources).render(bag.all))
        let errors = bag.errors.count, warnings = bag.all.count - errors
        var summary: [String] = []
        if errors > 0 { summary.append("\(errors) fout\(errors == 1 ? "" : "en")") }
        if warnings > 0 { summary.append("\(warnings) waarschuwing\(warnings == 1 ? "" : "en")") }
        err(summary.joined(separator: ", ") + "\n")
    }
}
