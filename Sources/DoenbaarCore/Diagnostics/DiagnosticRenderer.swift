/// Prints diagnostics as `path:line:column: fout: message`, followed by the
/// source line and a caret under the offending text.
public struct DiagnosticRenderer {
    public let sources: SourceManager

    public init(sources: SourceManager) { self.sources = sources }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        sorted(diagnostics).map(render).joined()
    }

    /// Orders by file, then position, so output is the same on every run.
    public func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.range, b.element.range)
            if x.fileID != y.fileID { return x.fileID < y.fileID }
            if x.start != y.start { return x.start < y.start }
            return a.offset < b.offset
        }.map(\.element)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = block(range: diagnostic.range, label: diagnostic.severity.rawValue,
                        message: diagnostic.message)
        if let suggestion = diagnostic.suggestion {
            out += "  hulp: \(suggestion)\n"
        }
        for note in diagnostic.notes {
            out += block(range: note.range, label: "noot", message: note.message)
        }
        return out
    }

    private func block(range: SourceRange, label: String, message: String) -> String {
        guard let file = sources.file(range.fileID) else {
            return "<code>: \(label): \(message)\n"
        }
        let loc = file.location(of: range.start)
        var out = "\(loc): \(label): \(message)\n"
        let line = file.lineText(loc.line)
        // Keep the echoed line readable even for huge or binary input.
        let shown = String(line.prefix(200))
        out += "  \(shown)\n"
        let endLoc = file.location(of: max(range.start, range.end - 1))
        let width = endLoc.line == loc.line ? max(1, endLoc.column - loc.column + 1) : 1
        let pad = String(repeating: " ", count: max(0, min(loc.column - 1, shown.count)))
        let caretWidth = max(1, min(width, max(1, shown.count - (loc.column - 1))))
        out += "  \(pad)^\(String(repeating: "~", count: caretWidth - 1))\n"
        return out
    }
}

/// "Did you mean ...?" by edit distance, for unknown names.
public enum Suggestions {
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            let limit = max(1, min(3, target.count / 3 + 1))
            guard d <= limit else { continue }
            if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
