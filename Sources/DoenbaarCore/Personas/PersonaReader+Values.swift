/// One value of a declared type, as a persona file writes it.
extension PersonaReader {
    /// The slot value of a fact of this type at the current token, or nil after a diagnostic.
    mutating func value(of type: ValueType, _ what: String) -> Int64? {
        switch type {
        case .money:
            return amount()?.raw
        case .number, .days:
            guard case .number(let n) = parser.current.kind else { parser.expected(schema.example(type)); return nil }
            parser.advance()
            return n.raw
        case .percentage:
            if case .number(let n) = parser.current.kind, !parser.peek().isSymbol(.percent),
               let written = TypeAdvice.literal(n, as: .percentage) {
                // loonwaarde 0,5: a share written as a fraction.
                let t = parser.advance()
                parser.error(.personaInvalid, t.range, "een percentage schrijft u met %, niet als \(n)",
                             fixIts: [.replace(t.range, with: written, "schrijf \(written)")])
                return nil
            }
            guard case .number(let n) = parser.current.kind, parser.peek().isSymbol(.percent) else {
                parser.expected(schema.example(type))
                return nil
            }
            let t = parser.advance()
            parser.advance()
            if n.raw > 100 * Fixed.scale {
                parser.error(.personaInvalid, t.range, "een percentage van meer dan 100% kan hier niet")
                return nil
            }
            return n.raw / 100
        case .date:
            return parser.parseDate().map { Int64($0.value.dayNumber) }
        case .bool:
            return yesNo().map { $0 ? 1 : 0 }
        case .enumeration(let name):
            guard let word = parser.parseName(schema.example(type)), let enumeration = schema.enumeration(name) else { return nil }
            if report(PersonaRules.enumerationCase(word.text, of: enumeration, what), at: word.range) { return nil }
            return Int64(enumeration.cases.firstIndex(of: word.text) ?? 0)
        case .country:
            guard let word = parser.parseName(schema.example(type)) else { return nil }
            if report(PersonaRules.country(word.text), at: word.range) { return nil }
            return CountryCode.encode(word.text)
        case .months:
            parser.expected("een waarde")
            return nil
        }
    }

    /// The words a field declares after its value ("jaar", "voor 2016").
    mutating func unit(_ tokens: [Token.Kind], _ text: String?) -> Bool {
        for kind in tokens {
            guard parser.current.kind == kind else {
                parser.expected("'\(text ?? "")'")
                return false
            }
            parser.advance()
        }
        return true
    }
}
