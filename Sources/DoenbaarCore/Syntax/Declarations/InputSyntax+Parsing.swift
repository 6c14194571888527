extension Parser {
    /// invoer dagloon_ww: bedrag
    ///   bron "Werkloosheidswet art. 14 lid 1"
    /// invoer inkomen_uit_werk: bedrag per maand
    ///   bron "Werkloosheidswet art. 47 lid 1"
    ///
    /// A value that a batch of persons supplies itself (a column of data),
    /// one per person or, with `per maand`, one per person per month.
    mutating func parseInput(_ keyword: SourceRange) -> InputSyntax? {
        guard let name = parseDeclarationName("de invoer") else { return nil }
        var type: TypeSyntax?
        var period: Located<PeriodKind>?
        let before = diagnostics.all.count
        var label = parseLabel(of: "invoer '\(name.text)'", after: name.range, endsAt: .colon)
        if expectSymbol(.colon) {
            type = parseType()
            if type != nil, let late = labelAfterType(of: "invoer '\(name.text)'", name: name) { label = label ?? late }
            if type != nil, current.isWord("per") {
                period = parsePeriod()
                if let p = period, p.value == .day {
                    error(.expected, p.range, "invoer is er per persoon of per maand, niet per dag",
                          suggestion: "schrijf 'per maand', of laat de periode weg voor één waarde per persoon")
                    period = nil
                }
            }
        }
        finishLine(since: before)
        let source = parseSourceOnlyClauses(in: "invoer '\(name.text)'")
        requireSource(source, keyword: name.range, "invoer '\(name.text)'")
        return InputSyntax(name: name, type: type, period: period, source: source, label: label)
    }
}
