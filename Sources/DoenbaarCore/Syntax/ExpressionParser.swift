/// Expressions, from loosest to tightest binding:
///   als C dan A anders B  ·  of  ·  en  ·  niet  ·  = <> < <= > >=  ·  + -  ·  * /  ·  unary -  ·  primary
/// A primary is a literal (75%, € 290,67, 290,67 euro, 20 dagen, 2 maanden,
/// 2025-01-01, ja, nee), a name, a call `min(a, b)`, or `( ... )`.
extension Parser {
    public mutating func parseExpression() -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumDepth else { return tooDeep() }
        if current.isWord("als") { return parseConditional() }
        return parseOr()
    }

    private mutating func parseConditional() -> Expr {
        let start = advance().range
        let condition = parseExpression()
        if condition.kind == .invalid { return condition }
        continueOnNextLine(if: ["dan"])
        guard expectBranch("dan", of: start) else { return Expr(.invalid, start) }
        skipNewlines()
        let then = parseExpression()
        if then.kind == .invalid { return then }
        continueOnNextLine(if: ["anders"])
        guard expectBranch("anders", of: start) else { return Expr(.invalid, start) }
        skipNewlines()
        let otherwise = parseExpression()
        return limitHeight(Expr(.conditional(condition, then, otherwise), start.to(otherwise.range)), at: start)
    }

    /// `dan` and `anders` belong to the `als` at `conditional`; both are required.
    private mutating func expectBranch(_ word: String, of conditional: SourceRange) -> Bool {
        if current.isWord(word) { advance(); return true }
        error(.expected, current.range, "verwacht '\(word)' bij deze 'als', maar vond \(current.display)",
              suggestion: "schrijf: als VOORWAARDE dan WAARDE anders WAARDE",
              notes: [.init(range: conditional, message: "de 'als' waar '\(word)' bij hoort")])
        skipLine()
        return false
    }

    /// A line break followed by a continuation word or operator continues the
    /// expression. `=` never continues one: a line starting with `=` is a clause.
    private mutating func continueOnNextLine(if words: Set<String>, symbols: Set<Token.Symbol> = []) {
        guard current.kind == .newline else { return }
        var offset = 0
        while peek(offset).kind == .newline { offset += 1 }
        let next = peek(offset)
        let continues: Bool
        switch next.kind {
        case .word(let w): continues = words.contains(w)
        case .symbol(let s): continues = symbols.contains(s)
        default: continues = false
        }
        if continues { skipNewlines() }
    }

    private mutating func parseOr() -> Expr {
        var left = parseAnd()
        while true {
            continueOnNextLine(if: ["of"])
            guard current.isWord("of") else { return left }
            let op = advance().range
            skipNewlines()
            let right = parseAnd()
            left = limitHeight(Expr(.binary(.or, left, right), left.range.to(right.range)), at: op)
            if left.kind == .invalid { return left }
        }
    }

    private mutating func parseAnd() -> Expr {
        var left = parseNot()
        while true {
            continueOnNextLine(if: ["en"])
            guard current.isWord("en") else { return left }
            let op = advance().range
            skipNewlines()
            let right = parseNot()
            left = limitHeight(Expr(.binary(.and, left, right), left.range.to(right.range)), at: op)
            if left.kind == .invalid { return left }
        }
    }

    private mutating func parseNot() -> Expr {
        if current.isWord("niet") {
            let start = advance().range
            depth += 1
            defer { depth -= 1 }
            guard depth <= Parser.maximumDepth else { return tooDeep() }
            let operand = parseNot()
            return limitHeight(Expr(.unary(.not, operand), start.to(operand.range)), at: start)
        }
        return parseComparison()
    }

    private mutating func parseComparison() -> Expr {
        let left = parseAdditive()
        let operators: [Token.Symbol: BinaryOperator] = [
            .equals: .equal, .notEquals: .notEqual, .less: .less, .lessEqual: .lessEqual,
            .greater: .greater, .greaterEqual: .greaterEqual,
        ]
        guard case .symbol(let s) = current.kind, let op = operators[s] else { return left }
        let opRange = advance().range
        skipNewlines()
        let right = parseAdditive()
        return limitHeight(Expr(.binary(op, left, right), left.range.to(right.range)), at: opRange)
    }

    private mutating func parseAdditive() -> Expr {
        var left = parseMultiplicative()
        while true {
            continueOnNextLine(if: [], symbols: [.plus, .minus])
            let op: BinaryOperator
            if current.isSymbol(.plus) { op = .add } else if current.isSymbol(.minus) { op = .subtract } else { return left }
            let opRange = advance().range
            skipNewlines()
            let right = parseMultiplicative()
            left = limitHeight(Expr(.binary(op, left, right), left.range.to(right.range)), at: opRange)
            if left.kind == .invalid { return left }
        }
    }

    private mutating func parseMultiplicative() -> Expr {
        var left = parseUnary()
        while true {
            continueOnNextLine(if: [], symbols: [.star, .slash])
            let op: BinaryOperator
            if current.isSymbol(.star) { op = .multiply } else if current.isSymbol(.slash) { op = .divide } else { return left }
            let opRange = advance().range
            skipNewlines()
            let right = parseUnary()
            left = limitHeight(Expr(.binary(op, left, right), left.range.to(right.range)), at: opRange)
            if left.kind == .invalid { return left }
        }
    }

    private mutating func parseUnary() -> Expr {
        if current.isSymbol(.minus) {
            let start = advance().range
            depth += 1
            defer { depth -= 1 }
            guard depth <= Parser.maximumDepth else { return tooDeep() }
            let operand = parseUnary()
            return limitHeight(Expr(.unary(.negate, operand), start.to(operand.range)), at: start)
        }
        return parsePrimary()
    }

    /// A chain like `1 + 1 + ... + 1` is parsed in a loop, not by recursion, so
    /// nesting depth does not bound it; its height must be bounded too, since
    /// every later pass walks the tree recursively.
    private mutating func limitHeight(_ e: Expr, at operatorRange: SourceRange) -> Expr {
        guard e.height > Parser.maximumHeight else { return e }
        error(.tooDeep, operatorRange,
              "expressie is te lang of te diep genest: meer dan \(Parser.maximumHeight) bewerkingen boven elkaar",
              suggestion: "splits de berekening op in afzonderlijke definities")
        skipLine()
        return Expr(.invalid, operatorRange)
    }

    private mutating func tooDeep() -> Expr {
        error(.tooDeep, current.range, "expressie is dieper genest dan \(Parser.maximumDepth) niveaus",
              suggestion: "splits de berekening op in afzonderlijke definities")
        skipLine()
        return Expr(.invalid, current.range)
    }

    private mutating func parsePrimary() -> Expr {
        let token = current
        switch token.kind {
        case .number(let n):
            advance()
            return parseUnit(after: n, start: token.range)
        case .symbol(.euro):
            advance()
            guard case .number(let n) = current.kind else {
                expected("een bedrag na '€'")
                return Expr(.invalid, token.range)
            }
            let end = advance().range
            return Expr(.literal(.money(n)), token.range.to(end))
        case .date(let d):
            advance()
            return Expr(.literal(.date(d)), token.range)
        case .string(let text):
            advance()
            return Expr(.literal(.text(text)), token.range)
        case .symbol(.leftParen):
            advance()
            skipNewlines()
            let inner = parseExpression()
            if inner.kind == .invalid { return inner }
            let lineEnd = index
            skipNewlines()
            if current.isSymbol(.rightParen) {
                let end = advance().range
                return Expr(inner.kind, token.range.to(end))
            }
            unclosed(token.range, since: lineEnd, expecting: "')'")
            return Expr(.invalid, token.range)
        case .word("als"):
            // A conditional as an operand: `x + als c dan 1 anders 0`.
            return parseConditional()
        case .word(let w):
            advance()
            if w == "ja" { return Expr(.literal(.bool(true)), token.range) }
            if w == "nee" { return Expr(.literal(.bool(false)), token.range) }
            if current.isSymbol(.leftParen), current.range.start == token.range.end {
                return parseCall(Name(w, token.range))
            }
            return Expr(.name(w), token.range)
        default:
            expected("een waarde, naam of '('")
            return Expr(.invalid, token.range)
        }
    }

    /// `75%`, `290,67 euro`, `20 dagen`, `2 maanden`; a bare number otherwise.
    private mutating func parseUnit(after n: Fixed, start: SourceRange) -> Expr {
        if current.isSymbol(.percent) {
            let end = advance().range
            return Expr(.literal(.percentage(Fixed(raw: n.raw / 100))), start.to(end))
        }
        guard let w = current.word else { return Expr(.literal(.number(n)), start) }
        switch w {
        case "euro":
            let end = advance().range
            return Expr(.literal(.money(n)), start.to(end))
        case "dag", "dagen":
            let end = advance().range
            return Expr(.literal(.days(n)), start.to(end))
        case "maand", "maanden":
            let end = advance().range
            guard n.raw % Fixed.scale == 0 else {
                error(.invalidNumber, start.to(end), "een aantal maanden moet een geheel getal zijn")
                return Expr(.invalid, start)
            }
            // Months are only ever literals; bounding them keeps date arithmetic in range.
            guard n.raw / Fixed.scale <= Parser.maximumMonths else {
                error(.invalidNumber, start.to(end), "\(n) maanden is meer dan \(Parser.maximumMonths) maanden (100 jaar)")
                return Expr(.invalid, start)
            }
            return Expr(.literal(.months(Int(n.raw / Fixed.scale))), start.to(end))
        default:
            return Expr(.literal(.number(n)), start)
        }
    }

    /// A '(' left open. Parentheses may span lines, so the parser looked past the
    /// line break for the ')'; it reports the end of the line where the expression
    /// stopped instead of some later line, and points at the '(' as well.
    private mutating func unclosed(_ opening: SourceRange, since lineEnd: Int, expecting what: String) {
        index = lineEnd
        error(.expected, current.range, "verwacht \(what), maar vond \(current.display)",
              notes: [.init(range: opening, message: "deze '(' wordt niet gesloten")])
    }

    private mutating func parseCall(_ name: Name) -> Expr {
        let opening = advance().range
        skipNewlines()
        var arguments: [Expr] = []
        if current.isSymbol(.rightParen) {
            let end = advance().range
            return Expr(.call(name, []), name.range.to(end))
        }
        while true {
            let argument = parseExpression()
            if argument.kind == .invalid { return argument }
            arguments.append(argument)
            // Like height, width is bounded: later passes go over the arguments more than once.
            guard arguments.count <= Parser.maximumHeight else {
                error(.tooDeep, argument.range, "de aanroep van '\(name.text)' heeft meer dan \(Parser.maximumHeight) argumenten",
                      suggestion: "splits de berekening op in afzonderlijke definities")
                skipLine()
                return Expr(.invalid, name.range)
            }
            let lineEnd = index
            skipNewlines()
            if current.isSymbol(.comma) { advance(); skipNewlines(); continue }
            if current.isSymbol(.rightParen) {
                let end = advance().range
                return limitHeight(Expr(.call(name, arguments), name.range.to(end)), at: name.range)
            }
            unclosed(opening, since: lineEnd, expecting: "',' of ')' in de aanroep van '\(name.text)'")
            return Expr(.invalid, name.range)
        }
    }
}
