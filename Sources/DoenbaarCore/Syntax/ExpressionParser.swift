/// Expressions, from loosest to tightest binding:
///   als C dan A anders B  ·  of  ·  en  ·  niet  ·  = <> < <= > >=  ·  + -  ·  * /  ·  unary -  ·  primary
/// A primary is a literal (75%, € 290,67, 290,67 euro, 20 dagen, 2 maanden,
/// 2025-01-01, ja, nee), a name, a call `min(a, b)`, or `( ... )`.
extension Parser {
    public mutating func parseExpression() -> Expr {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maximumDepth else {
            error(.tooDeep, current.range,
                  "expressie is dieper genest dan \(Parser.maximumDepth) niveaus",
                  suggestion: "splits de berekening op in afzonderlijke definities")
            skipLine()
            return Expr(.invalid, current.range)
        }
        if current.isWord("als") { return parseConditional() }
        return parseOr()
    }

    private mutating func parseConditional() -> Expr {
        let start = advance().range
        let condition = parseExpression()
        continueOnNextLine(if: ["dan"])
        guard expectWord("dan") else { skipLine(); return Expr(.invalid, start) }
        skipNewlines()
        let then = parseExpression()
        continueOnNextLine(if: ["anders"])
        guard expectWord("anders") else { skipLine(); return Expr(.invalid, start) }
        skipNewlines()
        let otherwise = parseExpression()
        return Expr(.conditional(condition, then, otherwise), start.to(otherwise.range))
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
            advance()
            skipNewlines()
            let right = parseAnd()
            left = Expr(.binary(.or, left, right), left.range.to(right.range))
        }
    }

    private mutating func parseAnd() -> Expr {
        var left = parseNot()
        while true {
            continueOnNextLine(if: ["en"])
            guard current.isWord("en") else { return left }
            advance()
            skipNewlines()
            let right = parseNot()
            left = Expr(.binary(.and, left, right), left.range.to(right.range))
        }
    }

    private mutating func parseNot() -> Expr {
        if current.isWord("niet") {
            let start = advance().range
            depth += 1
            defer { depth -= 1 }
            guard depth <= Parser.maximumDepth else { return tooDeep() }
            let operand = parseNot()
            return Expr(.unary(.not, operand), start.to(operand.range))
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
        advance()
        skipNewlines()
        let right = parseAdditive()
        return Expr(.binary(op, left, right), left.range.to(right.range))
    }

    private mutating func parseAdditive() -> Expr {
        var left = parseMultiplicative()
        while true {
            continueOnNextLine(if: [], symbols: [.plus, .minus])
            let op: BinaryOperator
            if current.isSymbol(.plus) { op = .add } else if current.isSymbol(.minus) { op = .subtract } else { return left }
            advance()
            skipNewlines()
            let right = parseMultiplicative()
            left = Expr(.binary(op, left, right), left.range.to(right.range))
        }
    }

    private mutating func parseMultiplicative() -> Expr {
        var left = parseUnary()
        while true {
            continueOnNextLine(if: [], symbols: [.star, .slash])
            let op: BinaryOperator
            if current.isSymbol(.star) { op = .multiply } else if current.isSymbol(.slash) { op = .divide } else { return left }
            advance()
            skipNewlines()
            let right = parseUnary()
            left = Expr(.binary(op, left, right), left.range.to(right.range))
        }
    }

    private mutating func parseUnary() -> Expr {
        if current.isSymbol(.minus) {
            let start = advance().range
            depth += 1
            defer { depth -= 1 }
            guard depth <= Parser.maximumDepth else { return tooDeep() }
            let operand = parseUnary()
            return Expr(.unary(.negate, operand), start.to(operand.range))
        }
        return parsePrimary()
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
        case .symbol(.leftParen):
            advance()
            skipNewlines()
            let inner = parseExpression()
            if inner.kind == .invalid { return inner }
            skipNewlines()
            if current.isSymbol(.rightParen) {
                let end = advance().range
                return Expr(inner.kind, token.range.to(end))
            }
            expected("')'")
            return Expr(.invalid, token.range)
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
            return Expr(.literal(.months(Int(n.raw / Fixed.scale))), start.to(end))
        default:
            return Expr(.literal(.number(n)), start)
        }
    }

    private mutating func parseCall(_ name: Name) -> Expr {
        advance()
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
            skipNewlines()
            if current.isSymbol(.comma) { advance(); skipNewlines(); continue }
            if current.isSymbol(.rightParen) {
                let end = advance().range
                return Expr(.call(name, arguments), name.range.to(end))
            }
            expected("',' of ')' in de aanroep van '\(name.text)'")
            return Expr(.invalid, name.range)
        }
    }
}
