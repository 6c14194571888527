/// `bron Werkloosheidswet art. 47` without quotes, or with the curly quotes a
/// word processor puts in, or `bron: "..."`: the drafter meant a text. The lexer
/// reads the rest of the line as that text and reports it once, with the quoted
/// line as a fix-it, so the declaration still has its source and nothing else is
/// said about it.
extension Lexer {
    /// Quote marks a word processor or keyboard gives instead of the straight one.
    static let otherQuotes: Set<Character> = ["'", "‘", "’", "‚", "“", "”", "„", "«", "»"]

    mutating func lexUnquotedSource() {
        func isBlank(_ i: Int) -> Bool { bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") }
        var begin = position
        while begin < bytes.count, isBlank(begin) { begin += 1 }
        guard begin < bytes.count else { return }
        // `bron: "..."` or `bron = "..."`: a separator the language does not write.
        var separator: Int?
        if bytes[begin] == UInt8(ascii: ":") || bytes[begin] == UInt8(ascii: "=") {
            separator = begin
            begin += 1
            while begin < bytes.count, isBlank(begin) { begin += 1 }
        }
        let stop: [UInt8] = [UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#")]
        if begin >= bytes.count || bytes[begin] == UInt8(ascii: "\"") || stop.contains(bytes[begin]) {
            guard let separator else { return }
            diagnostics.error(.unexpectedCharacter, range(separator, separator + 1),
                              "na 'bron' volgt de tekst zelf, zonder '\(text(separator, separator + 1))'",
                              fixIts: [.replace(range(separator, separator + 1), with: "", "laat '\(text(separator, separator + 1))' weg")])
            position = separator + 1
            return
        }
        var end = begin
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "#") { end += 1 }
        while end > begin, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[end - 1]) { end -= 1 }
        // The text is taken over as it is: what it shows must be what it holds.
        var i = begin
        while i < end { i += bytes[i] < 0x80 ? 1 : reportIfForbidden(at: i) }
        let written = text(begin, end)
        var content = Substring(written)
        while let first = content.first, Lexer.otherQuotes.contains(first) { content.removeFirst() }
        while let last = content.last, Lexer.otherQuotes.contains(last) || last == "\"" { content.removeLast() }
        content = content.drop { $0 == " " }
        guard !content.isEmpty else { return }
        let text = String(content)
        let quoted = "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let curly = written.first.map { Lexer.otherQuotes.contains($0) } ?? false
        let start = separator ?? begin
        // `bron:` loses its separator; a blank keeps the word and the text apart.
        let lead = separator.map { isBlank($0 - 1) ? "" : " " } ?? ""
        diagnostics.error(.unquotedText, range(start, end),
                          curly ? "de bron staat tussen andere aanhalingstekens dan \"; de regeltaal kent alleen het rechte aanhalingsteken"
                                : "de bron moet tussen aanhalingstekens staan",
                          fixIts: [.replace(range(start, end), with: lead + quoted, "schrijf: bron \(quoted)")])
        position = end
        emit(.string(text), begin, end)
    }
}
