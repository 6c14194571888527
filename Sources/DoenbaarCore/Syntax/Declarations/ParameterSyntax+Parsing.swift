extension Parser {
    /// parameter maximumdagloon "Maximumdagloon": bedrag
    ///   bron "Wfsv art. 17 lid 1"
    ///   vanaf 2025-01-01 = € 290,67    bron "Stcrt. 2024, 31195"
    ///   bereik € 250,00 tot € 300,00    bron "waarom deze waarden plausibel zijn"
    mutating func parseParameter(_ keyword: SourceRange) -> ParameterSyntax? {
        guard let name = parseDeclarationName("de parameter") else { return nil }
        var type: TypeSyntax?
        let before = diagnostics.all.count
        var label = parseLabel(of: "parameter '\(name.text)'", after: name.range, endsAt: .colon)
        if expectSymbol(.colon) {
            type = parseType()
            if type != nil, let late = labelAfterType(of: "parameter '\(name.text)'", name: name) { label = label ?? late }
        }
        finishLine(since: before)
        var source: Located<String>?
        var values: [ParameterValueSyntax] = []
        var valueLines = 0
        var range: ParameterRangeSyntax?
        var seen = SeenClauses()
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "bron": break
            case "vanaf":
                valueLines += 1
                advance()
                let before = diagnostics.all.count
                guard let from = parseDate(), expectSymbol(.equals) else { skipLine(); continue }
                let value = parseExpression()
                var valueSource: Located<String>?
                if current.isWord("bron") {
                    advance()
                    valueSource = parseString("de bron van deze waarde")
                }
                finishLine(since: before)
                if value.kind != .invalid {
                    values.append(ParameterValueSyntax(from: from, value: value, source: valueSource))
                }
            case "bereik" where firstTime(&seen, clause):
                let keyword = advance().range
                let before = diagnostics.all.count
                let low = parseExpression()
                guard diagnostics.all.count == before, expectWord("tot") else { skipLine(); continue }
                let high = parseExpression()
                var rangeSource: Located<String>?
                if current.isWord("bron") {
                    advance()
                    rangeSource = parseString("de reden voor dit bereik")
                }
                finishLine(since: before)
                if low.kind != .invalid, high.kind != .invalid {
                    range = ParameterRangeSyntax(keyword: keyword, low: low, high: high, source: rangeSource)
                }
            case "bereik": break
            default: unknownClause(in: "parameter '\(name.text)'", allowed: ["bron", "vanaf", "bereik"])
            }
        }
        requireSource(source, keyword: name.range, "parameter '\(name.text)'")
        // A value line that failed to parse has been reported already.
        if valueLines == 0 {
            missing("een waarde (vanaf DATUM = WAARDE)", in: name.range, "parameter '\(name.text)'")
        }
        return ParameterSyntax(name: name, type: type, source: source, values: values, label: label, range: range)
    }
}
