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
            // "More than 100 errors" closes its file's list, wherever the 101st was.
            let (lastA, lastB) = (a.element.id == .tooManyErrors, b.element.id == .tooManyErrors)
            if lastA != lastB { return lastB }
            if x.start != y.start { return x.start < y.start }
            return a.offset < b.offset
        }.map(\.element)
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = block(range: diagnostic.range, label: diagnostic.severity.rawValue,
                        message: diagnostic.message)
        if let suggestion = diagnostic.suggestion {
            out += "  hulp: \(DiagnosticRenderer.shown(suggestion))\n"
        }
        // Further fix-its (alternatives) each get a line of their own.
        for fixIt in diagnostic.fixIts where fixIt.message != diagnostic.suggestion {
            out += "  hulp: \(DiagnosticRenderer.shown(fixIt.message))\n"
        }
        for note in diagnostic.notes {
            out += block(range: note.range, label: "noot", message: note.message)
        }
        return out
    }

    /// Longer source lines are shown as a window around the caret.
    static let maximumShownWidth = 200

    private func block(range: SourceRange, label: String, message: String) -> String {
        guard let file = sources.file(range.fileID) else {
            return "<code>: \(label): \(message)\n"
        }
        let loc = file.location(of: range.start)
        // A folder, or an empty file: there is no line to show.
        let header = DiagnosticRenderer.shown("\(loc): \(label): \(message)") + "\n"
        if file.bytes.isEmpty { return header }
        // The end is the offset after the last character, so a character of several bytes counts once.
        let endLoc = file.location(of: max(range.start, range.end))
        let width = endLoc.line == loc.line ? max(1, endLoc.column - loc.column) : 1

        // A window of the line around the caret, so a long line stays readable and
        // the caret still points at the right character.
        let limit = DiagnosticRenderer.maximumShownWidth
        let window = file.window(around: range.start, width: limit)
        let line = window.text, column = window.column
        let first = line.count <= limit ? 0 : max(0, min(column - limit / 2, line.count - limit))
        let last = min(line.count, first + limit)
        let lead = first > 0 || window.cutBefore ? "…" : ""
        let shown = line[first..<last].map(DiagnosticRenderer.visible)
        var out = header
        out += "  \(lead)\(String(shown))\(last < line.count || window.cutAfter ? "…" : "")\n"
        // Tabs before the caret are kept, so the caret lines up however tabs are shown.
        let pad = lead.map { _ in " " } + line[first..<max(first, column)].map { $0 == "\t" ? "\t" : " " }
        let caretWidth = max(1, min(width, last - column))
        out += "  \(pad.joined())^\(String(repeating: "~", count: caretWidth - 1))\n"
        return out
    }

    /// A path or a message can quote what a file holds: shown, never obeyed by the terminal.
    static func shown(_ text: String) -> String { String(text.map(visible)) }

    /// Control characters (from binary input) shown as their visible symbols,
    /// and direction controls and invisible characters as �, one column each:
    /// the terminal shows them, it does not obey them.
    static func visible(_ c: Character) -> Character {
        guard c != "\t", let scalar = c.unicodeScalars.first else { return c }
        if scalar.value < 0x20, let symbol = Unicode.Scalar(0x2400 + scalar.value) { return Character(symbol) }
        if scalar.value == 0x7F { return "\u{2421}" }
        if c.unicodeScalars.contains(where: { CharacterPolicy.forbidden($0) != nil }) { return "\u{FFFD}" }
        return c
    }
}

/// "Did you mean ...?" by edit distance, for unknown names.
public enum Suggestions {
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        // At most three edits apart: a name far longer than every candidate is not compared at all.
        guard name.utf8.count <= 200 else { return nil }
        let target = Array(name.lowercased())
        let limit = max(1, min(3, target.count / 3 + 1))
        var best: (String, Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            // The distance is at least the difference in length.
            guard abs(other.count - target.count) <= limit else { continue }
            let d = distance(target, other)
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
