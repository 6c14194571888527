extension Parser {
    /// parameter maximumdagloon "Maximumdagloon": bedrag
    ///   bron "Wfsv art. 17 lid 1"
    ///   vanaf 2025-01-01 = € 290,67    bron "Stcrt. 2024, 31195"
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
            default: unknownClause(in: "parameter '\(name.text)'", allowed: ["bron", "vanaf"])
            }
        }
        requireSource(source, keyword: name.range, "parameter '\(name.text)'")
        // A value line that failed to parse has been reported already.
        if valueLines == 0 {
            missing("een waarde (vanaf DATUM = WAARDE)", in: name.range, "parameter '\(name.text)'")
        }
        return ParameterSyntax(name: name, type: type, source: source, values: values, label: label)
    }
}
