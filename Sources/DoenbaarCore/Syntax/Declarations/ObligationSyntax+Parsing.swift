extension Parser {
    /// verplichting vakantie_melden "Vakantie doorgeven (WW)"
    ///   bron "WW art. 25 lid 1"
    ///   per dag
    ///   geldt als in_buitenland en reden_verblijf = vakantie
    ///   nagekomen als verblijf_gemeld_dagen_vooraf >= 1
    ///   termijn 1 dag vooraf
    ///   vraagt plannen, in_actie_komen
    ///   stappen 2
    ///   kanaal digitaal
    ///   melding verblijf
    ///   gevolg boete 50% van benadeling, zonder benadeling € 150,00
    mutating func parseObligation(_ keyword: SourceRange) -> ObligationSyntax? {
        guard let name = parseDeclarationName("de verplichting") else { return nil }
        let label = parseLabel(of: "verplichting '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var source: Located<String>?
        var period: Located<PeriodKind>?
        var applies: Expr?, fulfilled: Expr?
        var deadline: DeadlineSyntax?
        var demands: [Name] = []
        var steps: Located<Int>?
        var channel: Name?
        var consequences: [ConsequenceSyntax] = []
        var report: Name?
        var seen = SeenClauses()
        let allowed = ["bron", "per", "geldt", "nagekomen", "termijn", "vraagt", "stappen", "kanaal", "melding", "gevolg"]
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "per" where firstTime(&seen, clause):
                let before = diagnostics.all.count
                period = parsePeriod()
                finishLine(since: before)
            case "geldt" where firstTime(&seen, clause), "nagekomen" where firstTime(&seen, clause):
                advance()
                guard current.isWord("als") else { expected("'als'"); skipLine(); continue }
                let e = parseExpressionClause()
                if clause.isWord("geldt") { applies = e } else { fulfilled = e }
            case "termijn" where firstTime(&seen, clause): deadline = parseDeadline()
            case "vraagt" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                while let d = parseName("een onderdeel van doenvermogen") {
                    demands.append(d)
                    guard current.isSymbol(.comma) else { break }
                    advance()
                }
                finishLine(since: before)
            case "stappen" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                steps = parseInteger("het aantal stappen (een geheel getal)")
                finishLine(since: before)
            case "kanaal" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                channel = parseName("'digitaal' of 'papier'")
                finishLine(since: before)
            case "gevolg":
                let start = advance().range
                let before = diagnostics.all.count
                guard let kind = parseName("het gevolg (boete, verlaging, terugvordering of geen_uitkering)") else {
                    skipLine(); continue
                }
                var amount: Expr?, share: Expr?
                if !atLineEnd { amount = parseExpression() }
                // `50% van benadeling, zonder benadeling € 150,00`
                if diagnostics.all.count == before, current.isWord("van") {
                    advance()
                    share = amount
                    amount = nil
                    if expectWord("benadeling"), current.isSymbol(.comma) {
                        advance()
                        if expectWord("zonder"), expectWord("benadeling") { amount = parseExpression() }
                    }
                }
                finishLine(since: before)
                consequences.append(ConsequenceSyntax(kind: kind, amount: amount, detrimentShare: share, range: start.to(previousEnd)))
            case "melding" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                report = parseName("wat de persoon meldt: 'verblijf' of 'inkomen'")
                finishLine(since: before)
            case "bron", "per", "geldt", "nagekomen", "termijn", "vraagt", "stappen", "kanaal", "melding": break
            default: unknownClause(in: "verplichting '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(source, keyword: name.range, "verplichting '\(name.text)'")
        for (clause, text) in [("per", "een periode (per dag of per maand)"), ("geldt", "wanneer zij geldt (geldt als ...)"),
                               ("nagekomen", "wanneer zij is nagekomen (nagekomen als ...)"), ("vraagt", "wat zij vraagt van het doenvermogen (vraagt ...)")]
        where !seen.contains(clause) {
            missing(text, in: name.range, "verplichting '\(name.text)'")
        }
        if consequences.isEmpty {
            missing("een gevolg bij niet nakomen (gevolg boete|verlaging|terugvordering|geen_uitkering)",
                    in: name.range, "verplichting '\(name.text)'")
        }
        return ObligationSyntax(name: name, source: source, period: period, applies: applies, fulfilled: fulfilled,
                                deadline: deadline, demands: demands, steps: steps, channel: channel,
                                consequences: consequences, report: report, label: label)
    }

    /// `termijn 1 dag vooraf` or `termijn 5 dagen achteraf`.
    private mutating func parseDeadline() -> DeadlineSyntax? {
        let start = advance().range
        let before = diagnostics.all.count
        defer { finishLine(since: before) }
        guard let amount = parseInteger("een aantal (geheel getal)") else { return nil }
        guard let unitWord = current.word else { expected("'dag', 'dagen', 'maand' of 'maanden'"); return nil }
        let unit: PeriodKind
        switch unitWord {
        case "dag", "dagen": unit = .day
        case "maand", "maanden": unit = .month
        default: expected("'dag', 'dagen', 'maand' of 'maanden'"); return nil
        }
        advance()
        guard let direction = current.word, direction == "vooraf" || direction == "achteraf" else {
            expected("'vooraf' of 'achteraf'")
            return nil
        }
        let end = advance().range
        return DeadlineSyntax(amount: amount.value, unit: unit, before: direction == "vooraf", range: start.to(end))
    }
}
