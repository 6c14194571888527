/// Turns source bytes into tokens. Never throws: a bad character or literal
/// becomes a diagnostic and lexing continues, so every error of a file is found.
public struct Lexer {
    /// Larger files are refused rather than risking memory or time.
    public static let maximumFileSize = 8 * 1024 * 1024

    let bytes: [UInt8]
    let fileID: Int
    var position = 0
    var tokens: [Token] = []
    var diagnostics = DiagnosticBag()

    public static func tokenize(_ file: SourceFile, fileID: Int) -> (tokens: [Token], diagnostics: DiagnosticBag) {
        var lexer = Lexer(bytes: file.bytes, fileID: fileID)
        if let problem = lexer.refuse() {
            lexer.diagnostics.add(problem)
            return ([Token(kind: .end, range: lexer.range(0, 0))], lexer.diagnostics)
        }
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    init(bytes: [UInt8], fileID: Int) {
        self.bytes = bytes
        self.fileID = fileID
    }

    func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(fileID: fileID, start: start, end: end) }

    /// Files that are not text at all get one diagnostic instead of thousands.
    func refuse() -> Diagnostic? {
        if bytes.count > Lexer.maximumFileSize {
            return Diagnostic(.fileTooLarge, at: range(0, 0),
                              "bestand is groter dan \(Lexer.maximumFileSize / 1024 / 1024) MiB; splits het op")
        }
        if let nul = bytes.firstIndex(of: 0) {
            return Diagnostic(.unreadableText, at: range(nul, nul + 1),
                              "bestand bevat binaire gegevens (een nul-byte); verwacht platte tekst in UTF-8")
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            let bad = firstInvalidUTF8()
            return Diagnostic(.unreadableText, at: range(bad, bad + 1),
                              "bestand is geen geldige UTF-8-tekst")
        }
        return nil
    }

    private func firstInvalidUTF8() -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
            guard length > 0, i + length <= bytes.count,
                  String(validating: bytes[i..<i + length], as: UTF8.self) != nil else { return i }
            i += length
        }
        return 0
    }

    mutating func run() {
        while position < bytes.count {
            let b = bytes[position]
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                emit(.newline, position, position + 1)
                position += 1
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "\""):
                lexString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumberOrDate()
            default:
                if startsWord(at: position) { lexWord() } else { lexSymbol() }
            }
        }
        emit(.end, bytes.count, bytes.count)
    }

    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_")
    }

    /// Letters outside ASCII (é, ë) belong in words; other symbols (€, ≥) do not.
    func startsWord(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return Lexer.isASCIIWordByte(b) }
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic
    }

    /// Byte length of the UTF-8 character starting at `i`.
    func characterLength(at i: Int) -> Int {
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end - i
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    mutating func emit(_ kind: Token.Kind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind: kind, range: range(start, end)))
    }

    mutating func lexWord() {
        let start = position
        while position < bytes.count {
            guard startsWord(at: position) || Lexer.isDigit(bytes[position]) else { break }
            position += characterLength(at: position)
        }
        if position == start { lexSymbol(); return }
        emit(.word(String(decoding: bytes[start..<position], as: UTF8.self)), start, position)
    }

    mutating func lexString() {
        let start = position
        position += 1
        var content: [UInt8] = []
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                emit(.string(String(decoding: content, as: UTF8.self)), start, position)
                return
            }
            if b == UInt8(ascii: "\n") { break }
            if b == UInt8(ascii: "\\"), position + 1 < bytes.count,
               bytes[position + 1] == UInt8(ascii: "\"") || bytes[position + 1] == UInt8(ascii: "\\") {
                content.append(bytes[position + 1])
                position += 2
                continue
            }
            content.append(b)
            position += 1
        }
        diagnostics.error(.unterminatedString, range(start, start + 1),
                          "tekst tussen aanhalingstekens is niet afgesloten",
                          suggestion: "sluit de tekst af met \" op dezelfde regel")
        emit(.string(String(decoding: content, as: UTF8.self)), start, position)
    }

    mutating func digits() -> Int {
        let start = position
        while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        return position - start
    }

    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    mutating func lexNumberOrDate() {
        let start = position
        let intDigits = digits()
        // 2025-01-01 (a date) or 2025-01 (a month)
        if intDigits == 4, position < bytes.count, bytes[position] == UInt8(ascii: "-"),
           position + 1 < bytes.count, Lexer.isDigit(bytes[position + 1]) {
            position += 1
            _ = digits()
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "-"), Lexer.isDigit(bytes[position + 1]) {
                position += 1
                _ = digits()
                let literal = text(start, position)
                if let date = CivilDate(iso: literal) {
                    emit(.date(date), start, position)
                } else {
                    diagnostics.error(.invalidDate, range(start, position),
                                      "'\(literal)' is geen bestaande datum",
                                      suggestion: "schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2025-01-01")
                    emit(.date(CivilDate(dayNumber: 0)), start, position)
                }
                return
            }
            let literal = text(start, position)
            if let month = YearMonth(iso: literal) {
                emit(.month(month), start, position)
            } else {
                diagnostics.error(.invalidDate, range(start, position),
                                  "'\(literal)' is geen bestaande maand",
                                  suggestion: "schrijf een maand als JJJJ-MM, bijvoorbeeld 2025-01")
                emit(.month(YearMonth(year: 2000, month: 1)), start, position)
            }
            return
        }
        var fractionDigits = 0
        let wholeEnd = position
        // A decimal comma only when a digit follows at once: `1,5` is one number,
        // `min(1, 5)` two arguments.
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: ","), Lexer.isDigit(bytes[position + 1]) {
            position += 1
            fractionDigits = digits()
        }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), Lexer.isDigit(bytes[position + 1]) {
            let dotStart = position
            position += 1
            _ = digits()
            diagnostics.error(.invalidNumber, range(start, position),
                              "'\(text(start, position))': een punt is geen decimaalteken",
                              suggestion: "gebruik een komma voor decimalen (290,67) en geen scheidingsteken voor duizendtallen")
            _ = dotStart
            emit(.number(.zero), start, position)
            return
        }
        let whole = text(start, wholeEnd)
        let fraction = fractionDigits > 0 ? text(wholeEnd + 1, position) : ""
        guard fractionDigits <= 6 else {
            diagnostics.error(.invalidNumber, range(start, position),
                              "getal '\(text(start, position))' heeft meer dan 6 decimalen")
            emit(.number(.zero), start, position)
            return
        }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        guard whole.count <= 12, let w = Int64(whole), let f = Int64(padded) else {
            diagnostics.error(.invalidNumber, range(start, position),
                              "getal '\(text(start, position))' is te groot")
            emit(.number(.zero), start, position)
            return
        }
        emit(.number(Fixed(raw: w * Fixed.scale + f)), start, position)
    }

    mutating func lexSymbol() {
        let start = position
        let b = bytes[position]
        func two(_ second: UInt8) -> Bool { position + 1 < bytes.count && bytes[position + 1] == second }
        var symbol: Token.Symbol?
        var length = 1
        switch b {
        case UInt8(ascii: "("): symbol = .leftParen
        case UInt8(ascii: ")"): symbol = .rightParen
        case UInt8(ascii: ","): symbol = .comma
        case UInt8(ascii: ":"): symbol = .colon
        case UInt8(ascii: "="): symbol = .equals
        case UInt8(ascii: "+"): symbol = .plus
        case UInt8(ascii: "-"): symbol = .minus
        case UInt8(ascii: "*"): symbol = .star
        case UInt8(ascii: "/"): symbol = .slash
        case UInt8(ascii: "%"): symbol = .percent
        case UInt8(ascii: "<"):
            if two(UInt8(ascii: "=")) { symbol = .lessEqual; length = 2 }
            else if two(UInt8(ascii: ">")) { symbol = .notEquals; length = 2 }
            else { symbol = .less }
        case UInt8(ascii: ">"):
            if two(UInt8(ascii: "=")) { symbol = .greaterEqual; length = 2 } else { symbol = .greater }
        case UInt8(ascii: "!"):
            if two(UInt8(ascii: "=")) { symbol = .notEquals; length = 2 }
        case 0xE2 where position + 2 < bytes.count && bytes[position + 1] == 0x82 && bytes[position + 2] == 0xAC:
            symbol = .euro; length = 3
        default: break
        }
        if let symbol {
            position += length
            emit(.symbol(symbol), start, position)
            return
        }
        // Skip one whole UTF-8 character so the caret points at it.
        let end = position + characterLength(at: position)
        let shown = text(position, end)
        diagnostics.error(.unexpectedCharacter, range(position, end), "onverwacht teken '\(shown)'")
        position = end
    }
}
