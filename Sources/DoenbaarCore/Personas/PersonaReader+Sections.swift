/// The blocks of a persona file that a regulation declares (`onderdeel`):
/// each line a field word and a value, several fields may share a line
/// (`arbeidsverleden 15 jaar waarvan 9 voor 2016`).
extension PersonaReader {
    mutating func readSection(_ section: PersonaSection, _ keyword: SourceRange) {
        parser.endLine()
        var given: [String: Int64] = [:]
        var seen = SeenClauses()
        while let clause = parser.nextClause() {
            guard let word = clause.word, section.fields.contains(where: { $0.word == word }) else {
                parser.unknownClause(in: section.keyword, allowed: section.fields.map(\.word))
                continue
            }
            readFields(of: section, first: clause, seen: &seen, into: &given)
        }
        if let earlier = persona?.sections[section.keyword] {
            parser.error(.duplicateClause, keyword, "'\(section.keyword)' staat twee keer in deze persona",
                         notes: [.init(range: earlier, message: "eerste '\(section.keyword)'")])
            return
        }
        guard reportMissingFields(of: section, given: given, seen: seen, at: keyword, section.keyword) else { return }
        persona?.sections[section.keyword] = keyword
        if let presence = section.presence { given[schema.fact(presence).name] = 1 }
        persona?.values.merge(given) { _, new in new }
    }

    /// One line of a block: its field, and any further fields written on the same line.
    mutating func readFields(of section: PersonaSection, first: Token, seen: inout SeenClauses, into given: inout [String: Int64]) {
        let before = parser.diagnostics.all.count
        var token = first
        while let word = token.word, let field = section.fields.first(where: { $0.word == word }) {
            guard parser.firstTime(&seen, token) else { return }
            parser.advance()
            let fact = schema.fact(field.fact)
            guard let value = value(of: fact.type, field.word), unit(field.unit, field.unitText) else { break }
            given[fact.name] = value
            valueRanges[fact.name] = token.range
            token = parser.current
        }
        finish(before)
    }

    /// Names the fields without a default that were not written at all; one
    /// that was written but wrong has been reported on its own line.
    @discardableResult
    mutating func reportMissingFields(of section: PersonaSection, given: [String: Int64], seen: SeenClauses,
                                      at keyword: SourceRange, _ what: String) -> Bool {
        let required = schema.requiredFields(of: section)
        let absent = required.filter { !seen.contains($0.word) }.map(\.word)
        report(PersonaRules.missingFields(absent, in: what), at: keyword)
        return required.allSatisfy { given[schema.fact($0.fact).name] != nil }
    }
}
