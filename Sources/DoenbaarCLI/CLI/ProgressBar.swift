import Foundation

/// A progress bar on standard error, only when it is a terminal (so logs and
/// pipes stay clean). Updates are throttled and safe from any thread.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let console: Console
    private let lock = NSLock()
    private var shownPercent = -1

    /// nil when standard error is not a terminal.
    init?(total: Int, console: Console) {
        guard console.errorIsTerminal, total > 0 else { return nil }
        self.total = total
        self.console = console
    }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = min(100, done * 100 / total)
        guard percent != shownPercent else { return }
        shownPercent = percent
        let width = 30, filled = percent * width / 100
        console.err("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(percent)%  \(done)/\(total)")
    }

    func finish() { console.err("\n") }
}
