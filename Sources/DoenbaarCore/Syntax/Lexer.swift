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
        if let problem = refusal(of: file.bytes, fileID: fileID) {
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
    /// Every reader of text input (rules, personas, JSON) asks this first.
    public static func refusal(of bytes: [UInt8], fileID: Int) -> Diagnostic? {
        if bytes.count > Lexer.maximumFileSize {
            return Diagnostic(.fileTooLarge, at: SourceRange(fileID: fileID, start: 0, end: 0),
                              "bestand is groter dan \(Lexer.maximumFileSize / 1024 / 1024) MiB; splits het op")
        }
        if let nul = bytes.firstIndex(of: 0) {
            return Diagnostic(.unreadableText, at: SourceRange(fileID: fileID, start: nul, end: nul + 1),
                              "bestand bevat binaire gegevens (een nul-byte); verwacht platte tekst in UTF-8")
        }
        if let bad = firstInvalidUTF8(bytes) {
            return Diagnostic(.unreadableText, at: SourceRange(fileID: fileID, start: bad, end: bad + 1),
                              "bestand is geen geldige UTF-8-tekst")
        }
        return nil
    }

    /// The offset of the first byte that does not belong to valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // The standard library's validation is fast; the scan below only finds where.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    mutating func run() {
        // Editors on Windows may start a UTF-8 file with a byte order mark; it is no text.
        if bytes.starts(with: Lexer.byteOrderMark) { position = Lexer.byteOrderMark.count }
        while position < bytes.count {
            // Garbage could otherwise give a diagnostic for every character.
            guard diagnostics.all.count < DiagnosticBag.maximumPerFile else {
                diagnostics.error(.tooManyErrors, range(position, position),
                                  "meer dan \(DiagnosticBag.maximumPerFile) fouten; de rest van het bestand is niet gelezen")
                break
            }
            let b = bytes[position]
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                emit(.newline, position, position + 1)
                position += 1
            case UInt8(ascii: "#"):
                // A comment is not read, but what it shows must be what it holds.
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
                    position += bytes[position] < 0x80 ? 1 : reportIfForbidden(at: position)
                }
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

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The character at `i` if no text may hold it (see `CharacterPolicy`): a
    /// direction control or an invisible character anywhere, and, inside a
    /// text, a control character too.
    func forbiddenCharacter(at i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let length = characterLength(at: i)
        guard let scalar = String(decoding: bytes[i..<i + length], as: UTF8.self).unicodeScalars.first,
              CharacterPolicy.forbidden(scalar) != nil else { return nil }
        return (scalar, length)
    }

    /// Reports the character at `i` if it is forbidden; its length either way.
    mutating func reportIfForbidden(at i: Int) -> Int {
        guard let (scalar, length) = forbiddenCharacter(at: i) else { return characterLength(at: i) }
        report(scalar, i, length)
        return length
    }

    private mutating func report(_ scalar: Unicode.Scalar, _ at: Int, _ length: Int) {
        guard let what = CharacterPolicy.forbidden(scalar) else { return }
        diagnostics.error(.unexpectedCharacter, range(at, at + length),
                          "hier staat \(what); het laat de tekst anders lezen dan de regels hem lezen",
                          fixIts: [FixIt("haal het teken weg", edits: [.init(range: range(at, at + length), replacement: "")])])
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
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        if !bytes[start..<position].allSatisfy({ $0 < 0x80 }),
           let foreign = word.unicodeScalars.first(where: { CharacterPolicy.foreignScript($0) != nil }) {
            diagnostics.error(.unexpectedCharacter, range(start, position),
                              "de naam '\(word)' bevat '\(Character(foreign))' (\(CharacterPolicy.code(foreign)), \(CharacterPolicy.foreignScript(foreign)!)), een letter die op een Latijnse kan lijken",
                              suggestion: "schrijf namen met Latijnse letters, zodat twee namen die gelijk lijken ook gelijk zijn")
            emit(.invalid, start, position)
            return
        }
        emit(.word(word), start, position)
        if word == "bron" { lexUnquotedSource() }
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
            let length = reportIfForbidden(at: position)
            content.append(contentsOf: bytes[position..<position + length])
            position += length
        }
        // The closing quote goes after the last character of the text, before trailing blanks.
        var end = position
        while end > start + 1, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[end - 1]) { end -= 1 }
        diagnostics.error(.unterminatedString, range(start, start + 1),
                          "tekst tussen aanhalingstekens is niet afgesloten",
                          fixIts: [.insert("\"", at: end, in: fileID, "sluit de tekst af met \" op dezelfde regel")])
        emit(.string(String(decoding: content, as: UTF8.self)), start, position)
    }

    mutating func digits() -> Int {
        let start = position
        while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        return position - start
    }

    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// Twelve digits before the comma and six after still fit an Int64 with room to add.
    static let maximumWholeDigits = 12

    /// Reports the literal from `start` up to here and stands an `.invalid` token in
    /// for it, so no made-up value reaches the checker.
    mutating func invalid(_ id: DiagnosticID, _ start: Int, _ message: String, suggestion: String? = nil,
                          fixIts: [FixIt] = []) {
        diagnostics.error(id, range(start, position), message, suggestion: suggestion, fixIts: fixIts)
        emit(.invalid, start, position)
    }

    /// Why a well-formed `JJJJ-MM-DD` is no date, for the diagnostic.
    static func whyNoDate(_ literal: String) -> String {
        let parts = literal.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "" }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        if !(1...12).contains(month) { return ": er is geen maand \(month)" }
        if CivilDate(year: year, month: month, day: 1) == nil { return ": het jaar \(year) valt buiten het bereik van de regeltaal" }
        let days = CivilDate.daysIn(year: year, month: month)
        if day < 1 || day > days { return ": \(YearMonth.monthNames[month - 1]) \(year) heeft \(days) dagen" }
        return ""
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
        if lexCurlyQuotedText() { return }
        // A direction control or an invisible character says what it is.
        if b >= 0x80, forbiddenCharacter(at: position) != nil {
            position += reportIfForbidden(at: position)
            emit(.invalid, start, position)
            return
        }
        // A run of characters the language does not know is one mistake; whole
        // UTF-8 characters, so the caret points at them.
        repeat {
            position += characterLength(at: position)
        } while position < bytes.count && isUnexpected(at: position) && !(bytes[position] >= 0x80 && forbiddenCharacter(at: position) != nil)
        let shown = text(start, position)
        let several = shown.count > 1
        diagnostics.error(.unexpectedCharacter, range(start, position),
                          "onverwacht\(several ? "e tekens" : " teken") '\(several && shown.count > 20 ? String(shown.prefix(20)) + "…" : shown)'")
        emit(.invalid, start, position)
    }

    /// Whether the character at `i` starts no token at all.
    func isUnexpected(at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 {
            if Lexer.isASCIIWordByte(b) || Lexer.isDigit(b) || b <= 0x20 { return false }
            if "#\"()<>,:=+-*/%".utf8.contains(b) { return false }
            return !(b == UInt8(ascii: "!") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "="))
        }
        let isEuro = i + 2 < bytes.count && b == 0xE2 && bytes[i + 1] == 0x82 && bytes[i + 2] == 0xAC
        return !isEuro && !startsWord(at: i)
    }
}

extension Lexer {
    /// `“Inkomen doorgeven”` or `„...”`: a text between the quotes a word
    /// processor puts in. Read as the text it is, reported once with the
    /// straight quotes as a fix-it, so nothing else on the line is said about it.
    mutating func lexCurlyQuotedText() -> Bool {
        let opening: [[UInt8]] = [[0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9E]]   // “ „
        let closing: [[UInt8]] = [[0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x9C]]   // ” “
        func at(_ i: Int, _ mark: [UInt8]) -> Bool { i + mark.count <= bytes.count && Array(bytes[i..<i + mark.count]) == mark }
        guard opening.contains(where: { at(position, $0) }) else { return false }
        let start = position
        var i = position + 3
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
            if closing.contains(where: { at(i, $0) }) {
                let content = text(start + 3, i)
                guard !content.contains("\"") else { return false }
                position = i + 3
                let quoted = "\"" + content.replacingOccurrences(of: "\\", with: "\\\\") + "\""
                diagnostics.error(.unquotedText, range(start, position),
                                  "de tekst staat tussen andere aanhalingstekens dan \"; de regeltaal kent alleen het rechte aanhalingsteken",
                                  fixIts: [.replace(range(start, position), with: quoted, "schrijf: \(quoted)")])
                emit(.string(content), start, position)
                return true
            }
            i += 1
        }
        return false
    }
}
