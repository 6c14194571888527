/// A token with its source range. Words (names and keywords alike) are one kind:
/// the parser decides from context what a word means, so a drafter's name never
/// collides with a keyword in a place where it cannot be one.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word(String)
        case number(Fixed)         // 75 or 290,67
        case date(CivilDate)       // 2025-01-01
        case month(YearMonth)      // 2025-01
        case string(String)        // "Ziektewet art. 29 lid 7"
        case symbol(Symbol)
        case newline
        /// A character or literal the lexer could not read and has reported.
        case invalid
        case end

        public var isString: Bool {
            if case .string = self { return true }
            return false
        }
    }

    public enum Symbol: String, Sendable, Hashable, CaseIterable {
        case leftParen = "(", rightParen = ")", comma = ",", colon = ":"
        case equals = "=", notEquals = "<>", less = "<", lessEqual = "<=", greater = ">"
        case greaterEqual = ">=", plus = "+", minus = "-", star = "*", slash = "/"
        case percent = "%", euro = "€"
    }

    public let kind: Kind
    public let range: SourceRange

    public var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    public func isWord(_ w: String) -> Bool { word == w }
    public func isSymbol(_ s: Symbol) -> Bool { kind == .symbol(s) }

    /// How the token reads in a diagnostic.
    public var display: String {
        switch kind {
        case .word(let w): return "'\(w)'"
        case .number(let n): return "getal \(n)"
        case .date(let d): return "datum \(d)"
        case .month(let m): return "maand \(m)"
        case .string: return "tekst"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .newline: return "einde van de regel"
        case .invalid: return "onleesbare tekst"
        case .end: return "einde van het bestand"
        }
    }
}
