import DoenbaarCore

/// What stands at the cursor in a document: the word under it, or the part
/// of a word before it (for completion). Words are found with the language's
/// own lexer, so nothing inside a string or a comment counts as a name.
struct CursorContext {
    let bytes: [UInt8]
    let offset: Int
    private let tokens: [Token]

    init(bytes: [UInt8], offset: Int) {
        self.bytes = bytes
        self.offset = max(0, min(offset, bytes.count))
        tokens = Lexer.tokenize(SourceFile(path: "", bytes: bytes), fileID: 0).tokens
    }

    /// The word the cursor is on or just after.
    var word: (text: String, range: SourceRange)? {
        let words = tokens.filter { $0.word != nil }
        let hit = words.first { $0.range.start <= offset && offset < $0.range.end }
            ?? words.first { $0.range.end == offset }
        return hit.map { ($0.word!, $0.range) }
    }

    /// The first word of the unindented line the cursor's line belongs to: in
    /// a persona, the block (`ww`) or the kind of line (`verblijf`).
    var block: String? {
        var i = offset
        while true {
            while i > 0, bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
            let lineStart = i
            if let word = tokens.first(where: { $0.range.start == lineStart && $0.word != nil })?.word { return word }
            guard lineStart > 0 else { return nil }
            i = lineStart - 1
        }
    }

    /// The start of the word being typed, "" between words; nil inside a string or a comment.
    var completionPrefix: String? {
        if insideStringOrComment { return nil }
        guard let token = tokens.first(where: { $0.word != nil && $0.range.start < offset && offset <= $0.range.end }) else { return "" }
        return String(decoding: bytes[token.range.start..<offset], as: UTF8.self)
    }

    /// Whether the cursor is after a `#` or an opening quote on its line.
    private var insideStringOrComment: Bool {
        var i = offset
        while i > 0, bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        var inString = false
        while i < offset {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "#") {
                return true
            }
            i += 1
        }
        return inString
    }
}
