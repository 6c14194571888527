/// How to fix a type error: each mismatch the checker reports comes with what
/// the language offers instead, and, where the fix is a change of a literal or a
/// wrapping the checker can write itself, the edit as a fix-it.
struct TypeAdvice {
    var suggestion: String?
    var fixIts: [FixIt] = []

    init(_ suggestion: String? = nil, fixIts: [FixIt] = []) {
        self.suggestion = suggestion
        self.fixIts = fixIts
    }

    // MARK: Literals written in another unit

    /// The value of a plain number literal (`100`, `0,75`), if the expression is one.
    static func numberLiteral(_ e: TypedExpr) -> Fixed? {
        guard e.type == .number, !e.range.isSynthetic, case .constant(let raw) = e.node else { return nil }
        return Fixed(raw: raw)
    }

    /// A number literal as the type it should have been written as, or nil
    /// where no literal of that type says the same.
    static func literal(_ n: Fixed, as type: ValueType) -> String? {
        switch type {
        case .money: return ValueFormatting.money(n.raw)
        case .percentage:
            // 0,75 means 75%; 75 was meant as 75%.
            let percent = n.raw.magnitude < Fixed.scale ? Fixed(raw: n.raw * 100) : n
            return "\(percent)%"
        case .days: return "\(n) \(n.raw == Fixed.scale ? "dag" : "dagen")"
        case .months: return n.raw % Fixed.scale == 0 ? "\(n.raw / Fixed.scale) \(n.raw == Fixed.scale ? "maand" : "maanden")" : nil
        default: return nil
        }
    }

    /// The fix-it that rewrites a number literal as a literal of `type`.
    static func rewrite(_ e: TypedExpr, as type: ValueType, _ what: String) -> FixIt? {
        guard let n = numberLiteral(e), let text = literal(n, as: type) else { return nil }
        return .replace(e.range, with: text, "\(what): \(text)")
    }

    /// `(dagen / 1 dag)`: a count of days as a plain number, so it can multiply an amount.
    static func daysAsNumber(_ e: TypedExpr) -> FixIt {
        FixIt("deel de dagen door 1 dag, dan zijn ze een getal: bedrag per dag * (dagen / 1 dag)", edits: [
            .init(range: SourceRange(fileID: e.range.fileID, start: e.range.start, end: e.range.start), replacement: "("),
            .init(range: SourceRange(fileID: e.range.fileID, start: e.range.end, end: e.range.end), replacement: " / 1 dag)"),
        ])
    }

    /// An example literal of a type, for advice.
    static func example(_ type: ValueType) -> String {
        switch type {
        case .money: return "€ 100,00"
        case .number: return "21,75"
        case .percentage: return "75%"
        case .days: return "20 dagen"
        case .months: return "2 maanden"
        case .date: return "2025-01-01"
        case .bool: return "ja"
        case .country: return "\"TR\""
        case .enumeration(let name): return "een waarde van '\(name)'"
        }
    }

    // MARK: Operators

    /// `+` and `-` between types that do not add up.
    static func addition(_ op: BinaryOperator, _ l: TypedExpr, _ r: TypedExpr) -> TypeAdvice {
        let (a, b) = (l.type, r.type)
        let verb = op == .add ? "tel" : "trek"
        let particle = op == .add ? "op" : "af"
        if let other = [a, b].first(where: { $0 == .bool || $0.isEnumerationOrCountry }) {
            return notArithmetic(other)
        }
        if a == .date || b == .date {
            if a == .date && b == .date {
                return TypeAdvice("twee datums optellen kan niet; het verschil van twee datums is datum - datum (een aantal dagen), of maanden_tussen(van, tot)")
            }
            let other = a == .date ? r : l
            if other.type == .money || other.type == .percentage {
                return TypeAdvice("een datum en \(ExpressionChecker.described(other.type)) tellen niet op: bij een datum horen dagen of maanden (datum + 14 dagen); reken bedragen apart uit")
            }
            if a != .date, op == .subtract {
                return TypeAdvice("trek dagen of maanden af van een datum, niet andersom: datum - 14 dagen")
            }
            let fixIts = [rewrite(other, as: .days, "\(verb) dagen \(particle)"), rewrite(other, as: .months, "of maanden")].compactMap { $0 }
            return TypeAdvice(fixIts.isEmpty ? "bij een datum \(verb) je dagen of maanden \(particle): datum \(op.rawValue) 14 dagen, datum \(op.rawValue) 2 maanden, of plus_maanden(datum, aantal)" : nil,
                              fixIts: fixIts)
        }
        if a == .months || b == .months {
            return TypeAdvice("een aantal maanden hoort bij een datum: datum + 2 maanden")
        }
        // Two numeric types left: money, days, number or percentage, not both scalar.
        if (a == .money && b == .days) || (a == .days && b == .money) {
            return TypeAdvice("dagen maal een bedrag per dag geeft een bedrag: dagbedrag * (dagen / 1 dag)")
        }
        let dimensioned = a.isScalar ? r : l, scalar = a.isScalar ? l : r
        let unit = dimensioned.type == .money ? "bedrag" : "aantal dagen"
        if scalar.type == .percentage {
            return TypeAdvice("een percentage is een deel van iets: gebruik percentage * \(unit), zoals \(dimensioned.type == .money ? "bedrag + 10% * bedrag" : "dagen + 10% * dagen")")
        }
        if let fix = rewrite(scalar, as: dimensioned.type, "schrijf het getal als \(unit)") { return TypeAdvice(fixIts: [fix]) }
        return TypeAdvice(dimensioned.type == .money
            ? "een getal is geen bedrag: vermenigvuldig het met een bedrag (getal * € 1,00), of declareer de waarde als bedrag"
            : "een getal is geen aantal dagen: vermenigvuldig het met 1 dag (getal * 1 dag), of declareer de waarde als dagen")
    }

    static func multiplication(_ l: TypedExpr, _ r: TypedExpr) -> TypeAdvice {
        let (a, b) = (l.type, r.type)
        if let other = [a, b].first(where: { $0 == .bool || $0.isEnumerationOrCountry || $0 == .date || $0 == .months }) {
            return notArithmetic(other)
        }
        if a == .money && b == .money {
            return TypeAdvice("vermenigvuldig een bedrag met een getal of percentage; bedrag / bedrag geeft een getal, als u een verhouding zoekt")
        }
        // An amount (or days) times days: the days as a number.
        let days = b == .days ? r : l
        return TypeAdvice(fixIts: [daysAsNumber(days)])
    }

    static func division(_ l: TypedExpr, _ r: TypedExpr) -> TypeAdvice {
        let (a, b) = (l.type, r.type)
        if let other = [a, b].first(where: { $0 == .bool || $0.isEnumerationOrCountry || $0 == .date || $0 == .months }) {
            return notArithmetic(other)
        }
        if a.isScalar {
            return TypeAdvice("deel \(ExpressionChecker.described(b)) door een getal (\(b == .money ? "bedrag" : "dagen") / 2), of door dezelfde soort waarde om een getal te krijgen")
        }
        if let fix = rewrite(r, as: a, "deel door dezelfde soort waarde") { return TypeAdvice(fixIts: [fix]) }
        return TypeAdvice("deel door een getal, een percentage of dezelfde soort waarde (\(ExpressionChecker.described(a)) / \(ExpressionChecker.described(a)) is een getal); een bedrag per dag is bedrag / dagen")
    }

    static func comparison(_ op: BinaryOperator, _ l: TypedExpr, _ r: TypedExpr) -> TypeAdvice {
        let (a, b) = (l.type, r.type)
        if a == b || (a.isScalar && b.isScalar) {
            // Ordering what has no order.
            return TypeAdvice("vergelijk ja/nee-waarden, landen en waarden van een opsomming met '=' of '<>'")
        }
        if a == .bool || b == .bool {
            return TypeAdvice("vergelijk een ja/nee-waarde met ja of nee, of gebruik haar zelf als voorwaarde")
        }
        if a == .country || b == .country {
            return TypeAdvice("vergelijk een land met een landcode tussen aanhalingstekens, zoals land = \"TR\"")
        }
        if case .enumeration(let name) = a.isEnumerationOrCountry ? a : b {
            return TypeAdvice("vergelijk met een waarde van de opsomming '\(name)'")
        }
        if a == .date || b == .date {
            return TypeAdvice("vergelijk een datum met een datum (2025-01-01 of een gegeven van type datum); het jaar is jaar(datum)")
        }
        let dimensioned = a.isScalar ? r : l, scalar = a.isScalar ? l : r
        if dimensioned.type == .money || dimensioned.type == .days {
            let unit = dimensioned.type == .money ? "bedrag" : "aantal dagen"
            if let fix = rewrite(scalar, as: dimensioned.type, "schrijf het getal als \(unit)") { return TypeAdvice(fixIts: [fix]) }
            if scalar.type == .percentage {
                return TypeAdvice("een percentage is een deel: vergelijk met percentage * \(unit)")
            }
            return TypeAdvice("vergelijk een \(unit) met een \(unit), zoals \(example(dimensioned.type)); vermenigvuldig een getal met \(dimensioned.type == .money ? "€ 1,00" : "1 dag") als het er een moet worden")
        }
        return TypeAdvice("vergelijk waarden van hetzelfde type, zoals \(example(a)) met \(example(a))")
    }

    /// Types that take no part in arithmetic.
    static func notArithmetic(_ type: ValueType) -> TypeAdvice {
        switch type {
        case .bool: return TypeAdvice("rekenen met ja/nee kan niet; maak er een waarde van met als ... dan ... anders, zoals als voorwaarde dan € 100,00 anders € 0")
        case .date: return TypeAdvice("met een datum tel je dagen of maanden op of af (datum + 14 dagen); het verschil van twee datums is datum - datum")
        case .months: return TypeAdvice("een aantal maanden hoort bij een datum: datum + 2 maanden")
        default: return TypeAdvice("met \(ExpressionChecker.described(type)) valt niet te rekenen; vergelijk de waarde met '=' in een voorwaarde")
        }
    }

    /// A value of the wrong type where the declaration or the place wants `expected`.
    static func conversion(_ e: TypedExpr, to expected: ValueType) -> TypeAdvice {
        let got = e.type
        if let fix = rewrite(e, as: expected, "schrijf de waarde als \(ExpressionChecker.described(expected))") { return TypeAdvice(fixIts: [fix]) }
        switch (expected, got) {
        case (.bool, let t) where t.isNumeric:
            return TypeAdvice("maak er een voorwaarde van met een vergelijking, zoals … > \(t == .money ? "€ 0" : t == .days ? "0 dagen" : "0")")
        case (.bool, .enumeration), (.bool, .country):
            return TypeAdvice("maak er een voorwaarde van met '=', zoals … = \(example(got))")
        case (.money, .days):
            return TypeAdvice("dagen maal een bedrag per dag geeft een bedrag: dagbedrag * (dagen / 1 dag)")
        case (.money, .percentage):
            return TypeAdvice("een percentage is een deel: vermenigvuldig het met een bedrag, percentage * bedrag")
        case (.money, .number):
            return TypeAdvice("vermenigvuldig het getal met een bedrag (getal * € 1,00), of verander het type van de declaratie in getal")
        case (.days, .number):
            return TypeAdvice("vermenigvuldig het getal met 1 dag (getal * 1 dag), of verander het type van de declaratie in getal")
        case (.days, .date):
            return TypeAdvice("het aantal dagen tussen twee datums is datum - datum, of dagen_tussen(van, tot)")
        case (.number, .money), (.number, .days):
            return TypeAdvice("deel door \(got == .money ? "€ 1,00" : "1 dag") voor een getal, of verander het type van de declaratie in \(got == .money ? "bedrag" : "dagen")")
        case (_, .bool):
            return TypeAdvice("kies een waarde per geval: als voorwaarde dan \(example(expected)) anders …")
        default:
            return TypeAdvice("geef \(ExpressionChecker.described(expected)), zoals \(example(expected)), of verander het type van de declaratie in \(got)")
        }
    }
}

extension ValueType {
    var isEnumerationOrCountry: Bool {
        switch self {
        case .enumeration, .country: return true
        default: return false
        }
    }
}
