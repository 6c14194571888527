extension Parser {
    /// definitie dagloon_begrensd "Dagloon tot het maximum": bedrag per dag
    ///   bron "Wfsv art. 17 lid 1"
    ///   afronding naar beneden
    ///   = min(dagloon, maximumdagloon)
    mutating func parseDefinition(_ keyword: SourceRange) -> DefinitionSyntax? {
        guard let name = parseDeclarationName("de definitie") else { return nil }
        var type: TypeSyntax?
        var period: Located<PeriodKind>?
        let before = diagnostics.all.count
        var label = parseLabel(of: "definitie '\(name.text)'", after: name.range, endsAt: .colon)
        if expectSymbol(.colon) {
            type = parseType()
            if type != nil {
                // `definitie x: bedrag "Label" per maand` or `... per maand "Label"`: the label belongs after the name.
                let lateBefore = current.kind.isString
                if lateBefore, let late = labelAfterType(of: "definitie '\(name.text)'", name: name) { label = label ?? late }
                if !lateBefore || current.isWord("per") { period = parsePeriod() }
                if period != nil, let late = labelAfterType(of: "definitie '\(name.text)'", name: name) { label = label ?? late }
            }
        }
        finishLine(since: before)
        var source: Located<String>?
        var rounding: Located<Rounding>?
        var body: Expr?
        var seen = SeenClauses()
        let allowed = ["bron", "afronding", "="]
        while let clause = nextClause() {
            if clause.isSymbol(.equals) {
                if firstTime(&seen, clause) { body = parseExpressionClause() }
                continue
            }
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "afronding" where firstTime(&seen, clause): rounding = parseRoundingClause()
            case "bron", "afronding": break
            default: unknownClause(in: "definitie '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(source, keyword: name.range, "definitie '\(name.text)'")
        if body == nil && !seen.contains("=") {
            missing("een berekening (= ...)", in: name.range, "definitie '\(name.text)'")
        }
        return DefinitionSyntax(name: name, type: type, period: period, source: source, rounding: rounding, body: body, label: label)
    }
}
