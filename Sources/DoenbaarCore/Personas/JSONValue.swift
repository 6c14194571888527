/// A JSON value with the byte range it was written at. Foundation's JSONDecoder
/// reports no positions (and sometimes no path), so persona JSON is read with
/// this small reader: every diagnostic can then point into the text.
struct JSONValue {
    struct Member {
        let key: String
        let keyStart: Int
        let keyEnd: Int
        let value: JSONValue
    }

    enum Kind {
        case object([Member])
        case array([JSONValue])
        case string(String)
        case number(String)      // as written; the reader parses what it needs
        case bool(Bool)
        case null
    }

    let kind: Kind
    let start: Int
    let end: Int

    /// How the value reads in a diagnostic: "maar is een tekst".
    var described: String {
        switch kind {
        case .object: return "een object"
        case .array: return "een lijst"
        case .string: return "een tekst"
        case .number: return "een getal"
        case .bool: return "true of false"
        case .null: return "null"
        }
    }
}

/// Reads JSON text (RFC 8259) into a `JSONValue`, or fails at the first error
/// with its offset and a Dutch message.
struct JSONScanner {
    struct Failure: Error {
        let start: Int
        let end: Int
        let message: String
    }

    /// A persona is three levels deep; this bounds recursion on hostile input.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var position = 0

    static func scan(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var scanner = JSONScanner(bytes: bytes)
        if bytes.starts(with: Lexer.byteOrderMark) { scanner.position = Lexer.byteOrderMark.count }
        scanner.skipWhitespace()
        let value = try scanner.value(depth: 0)
        scanner.skipWhitespace()
        if scanner.position < bytes.count {
            throw scanner.failure("na het einde van de JSON staat nog \(scanner.shownCharacter)")
        }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Values

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < JSONScanner.maximumDepth else {
            throw failure("JSON is dieper genest dan \(JSONScanner.maximumDepth) niveaus")
        }
        guard position < bytes.count else { throw failure("de JSON houdt op waar een waarde hoort") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""):
            let start = position
            let text = try string()
            return JSONValue(kind: .string(text), start: start, end: position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            throw failure("verwacht een waarde (een object, lijst, tekst, getal, true, false of null), maar vond \(shownCharacter)")
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        let start = position
        position += 1
        var members: [JSONValue.Member] = []
        skipWhitespace()
        if at("}") { position += 1; return JSONValue(kind: .object([]), start: start, end: position) }
        while true {
            guard at("\"") else {
                throw failure(members.isEmpty
                    ? "verwacht een veldnaam tussen aanhalingstekens, maar vond \(shownCharacter)"
                    : "verwacht na de komma nog een veld tussen aanhalingstekens, maar vond \(shownCharacter)")
            }
            let keyStart = position
            let key = try string()
            let keyEnd = position
            skipWhitespace()
            guard at(":") else { throw failure("verwacht ':' na de veldnaam \"\(key)\", maar vond \(shownCharacter)") }
            position += 1
            skipWhitespace()
            let value = try value(depth: depth + 1)
            members.append(JSONValue.Member(key: key, keyStart: keyStart, keyEnd: keyEnd, value: value))
            skipWhitespace()
            if at(",") { position += 1; skipWhitespace(); continue }
            if at("}") { position += 1; return JSONValue(kind: .object(members), start: start, end: position) }
            throw failure("verwacht ',' of '}' na de waarde van \"\(key)\", maar vond \(shownCharacter)")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        let start = position
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if at("]") { position += 1; return JSONValue(kind: .array([]), start: start, end: position) }
        while true {
            if at("]") { throw failure("een komma vóór ']' mag niet in JSON; haal de laatste komma weg") }
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            if at(",") { position += 1; skipWhitespace(); continue }
            if at("]") { position += 1; return JSONValue(kind: .array(elements), start: start, end: position) }
            throw failure("verwacht ',' of ']' in de lijst, maar vond \(shownCharacter)")
        }
    }

    private mutating func literal(_ word: String, _ kind: JSONValue.Kind) throws(Failure) -> JSONValue {
        let start = position
        for expected in word.utf8 {
            guard position < bytes.count, bytes[position] == expected else {
                position = start
                throw failure("verwacht een waarde (een object, lijst, tekst, getal, true, false of null), maar vond \(shownWord)")
            }
            position += 1
        }
        return JSONValue(kind: kind, start: start, end: position)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() throws(Failure) -> JSONValue {
        let start = position
        if at("-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber(from: start) }
        if at("0") { position += 1 } else { skipDigits() }
        if at(".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber(from: start) }
            skipDigits()
        }
        if at("e") || at("E") {
            position += 1
            if at("+") || at("-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw invalidNumber(from: start) }
            skipDigits()
        }
        // `01` or `1.2.3`: a leading zero or a second point.
        if position < bytes.count, isDigit(bytes[position]) || at(".") { throw invalidNumber(from: start) }
        return JSONValue(kind: .number(String(decoding: bytes[start..<position], as: UTF8.self)), start: start, end: position)
    }

    private mutating func invalidNumber(from start: Int) -> Failure {
        while position < bytes.count, isDigit(bytes[position]) || "+-.eE".utf8.contains(bytes[position]) { position += 1 }
        let written = String(decoding: bytes[start..<max(position, start + 1)], as: UTF8.self)
        return Failure(start: start, end: max(position, start + 1),
                       message: "'\(written)' is geen JSON-getal; schrijf bijvoorbeeld 1200 of -3 (bedragen in hele centen)")
    }

    /// A string, with its escapes resolved; the position ends after the closing quote.
    private mutating func string() throws(Failure) -> String {
        let start = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var run = position      // start of the current stretch without escapes
        func flush(_ end: Int) { scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars) }
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                flush(position)
                position += 1
                // Escapes can write what the lexer refuses in rule files: see CharacterPolicy.
                if let bad = scalars.first(where: { CharacterPolicy.forbidden($0) != nil }) {
                    throw Failure(start: start, end: position,
                                  message: "deze tekst bevat \(CharacterPolicy.forbidden(bad)!); dat laat haar anders lezen dan ze is")
                }
                return String(scalars)
            }
            if b < 0x20 {
                throw Failure(start: start, end: start + 1,
                              message: "tekst is niet afgesloten: sluit haar af met \" vóór het einde van de regel")
            }
            if b == UInt8(ascii: "\\") {
                flush(position)
                scalars.append(try escape())
                run = position
                continue
            }
            position += 1
        }
        throw Failure(start: start, end: start + 1, message: "tekst is niet afgesloten: het bestand houdt op vóór de \" die haar sluit")
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        let start = position
        position += 1
        guard position < bytes.count else { throw Failure(start: start, end: start + 1, message: "de JSON houdt op midden in een escape") }
        let b = bytes[position]
        position += 1
        switch b {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4(escapeStart: start)
            // A UTF-16 surrogate pair spells one character outside the BMP.
            if (0xD800...0xDBFF).contains(first), position + 1 < bytes.count,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let secondStart = position
                position += 2
                let second = try hex4(escapeStart: secondStart)
                if (0xDC00...0xDFFF).contains(second),
                   let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) {
                    return scalar
                }
            }
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        default:
            throw Failure(start: start, end: position, message: "onbekende escape '\\\(Character(Unicode.Scalar(b)))' in tekst")
        }
    }

    private mutating func hex4(escapeStart: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = hexValue(bytes[position]) else {
                throw Failure(start: escapeStart, end: max(position, escapeStart + 1), message: "na '\\u' horen vier hexadecimale cijfers")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    // MARK: Small pieces

    private func at(_ c: Unicode.Scalar) -> Bool { position < bytes.count && bytes[position] == UInt8(ascii: c) }
    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private mutating func skipDigits() { while position < bytes.count, isDigit(bytes[position]) { position += 1 } }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private var characterEnd: Int {
        var end = min(position + 1, bytes.count)
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    /// The character at the position, for a message: 'x', or "het einde van het bestand".
    private var shownCharacter: String {
        guard position < bytes.count else { return "het einde van het bestand" }
        return "'\(String(decoding: bytes[position..<characterEnd], as: UTF8.self))'"
    }

    /// The letters at the position, so `tru` or `ja` shows whole.
    private var shownWord: String {
        var end = position
        while end < bytes.count, (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z"))
            || (bytes[end] >= UInt8(ascii: "A") && bytes[end] <= UInt8(ascii: "Z")) { end += 1 }
        guard end > position else { return shownCharacter }
        return "'\(String(decoding: bytes[position..<end], as: UTF8.self))'"
    }

    private func failure(_ message: String) -> Failure {
        Failure(start: position, end: max(position + 1, characterEnd), message: message)
    }
}
