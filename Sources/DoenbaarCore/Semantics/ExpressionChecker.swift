/// Resolves names and checks types of one expression, in the context of the
/// declaration that holds it (per dag or per maand; benefits readable or not).
struct ExpressionChecker {
    enum Symbol {
        case value(Int, ValueType, Periodicity)
        case parameter(Int, ValueType)
        case fact(Int, ValueType, Periodicity)
        case enumCase(String, Int)
        case benefit(Int)
        case input(Int, ValueType, Periodicity)
    }

    struct Context {
        var periodicity: Periodicity
        var allowsBenefits = false
        /// Set while checking the argument of an aggregation over days.
        var insideAggregation = false
    }

    let symbols: [String: Symbol]
    var diagnostics: DiagnosticBag

    init(symbols: [String: Symbol], diagnostics: DiagnosticBag = DiagnosticBag()) {
        self.symbols = symbols
        self.diagnostics = diagnostics
    }

    mutating func check(_ expr: Expr, _ context: Context) -> TypedExpr? {
        switch expr.kind {
        case .invalid:
            return nil
        case .literal(let literal):
            if case .text(let text) = literal {
                guard let code = CountryCode.encode(text) else {
                    return mismatch(expr.range, "tekst in een berekening kan alleen een landcode zijn: twee hoofdletters (ISO 3166), zoals \"TR\"",
                                    "schrijf een landcode als \"TR\"; een toelichting hoort in een commentaar (#) of in 'bron'")
                }
                guard CountryCode.isAssigned(text) else {
                    return mismatch(expr.range, "\"\(text)\" is geen bestaande landcode (ISO 3166-1)",
                                    "controleer de code; Turkije is \"TR\", Syrië \"SY\", Nederland \"NL\"")
                }
                return TypedExpr(.constant(code), .country, expr.range)
            }
            return Self.literal(literal, expr.range)
        case .name(let name):
            return resolve(name, expr.range, context)
        case .unary(let op, let operand):
            guard let e = check(operand, context) else { return nil }
            switch op {
            case .negate:
                guard e.type.isNumeric else {
                    return mismatch(expr.range, "'-' werkt alleen op getallen en bedragen, niet op \(Self.described(e.type))",
                                    e.type == .bool ? TypeAdvice("het tegendeel van ja/nee is 'niet'") : TypeAdvice.notArithmetic(e.type))
                }
                return TypedExpr(.negate(e), e.type, expr.range)
            case .not:
                guard e.type == .bool else {
                    return mismatch(expr.range, "'niet' werkt alleen op ja/nee, niet op \(Self.described(e.type))",
                                    TypeAdvice.conversion(e, to: .bool))
                }
                return TypedExpr(.not(e), .bool, expr.range)
            }
        case .binary(let op, let l, let r):
            let left = check(l, context), right = check(r, context)
            guard let left, let right else { return nil }
            return binary(op, left, right, expr.range)
        case .conditional(let c, let a, let b):
            let cond = check(c, context), then = check(a, context), other = check(b, context)
            guard let cond, let then, let other else { return nil }
            guard cond.type == .bool else {
                return mismatch(c.range, "de voorwaarde na 'als' moet ja/nee zijn, niet \(Self.described(cond.type))", TypeAdvice.conversion(cond, to: .bool))
            }
            guard let type = Self.common(then.type, other.type) else {
                // A literal branch written as a plain number (`anders 0`) takes the other branch's unit.
                let fix = TypeAdvice.rewrite(other, as: then.type, "schrijf 'anders' als \(Self.described(then.type))")
                    ?? TypeAdvice.rewrite(then, as: other.type, "schrijf 'dan' als \(Self.described(other.type))")
                return mismatch(expr.range, "'dan' geeft \(Self.described(then.type)), maar 'anders' geeft \(Self.described(other.type)); beide moeten hetzelfde type hebben",
                                fix.map { TypeAdvice(fixIts: [$0]) } ?? TypeAdvice("geef beide takken hetzelfde type, zoals \(TypeAdvice.example(then.type)) in beide"))
            }
            return TypedExpr(.conditional(cond, then, other), type, expr.range)
        case .call(let name, let args):
            return call(name, args, expr.range, context)
        }
    }

    /// A type as a noun phrase in a sentence: "een bedrag", "ja/nee".
    static func described(_ type: ValueType) -> String {
        switch type {
        case .money: return "een bedrag"
        case .number: return "een getal"
        case .percentage: return "een percentage"
        case .days: return "een aantal dagen"
        case .months: return "een aantal maanden"
        case .date: return "een datum"
        case .bool: return "ja/nee"
        case .enumeration(let name): return "een waarde van '\(name)'"
        case .country: return "een land"
        }
    }

    static func literal(_ literal: Literal, _ range: SourceRange) -> TypedExpr {
        switch literal {
        case .number(let n): return TypedExpr(.constant(n.raw), .number, range)
        case .money(let n): return TypedExpr(.constant(n.raw), .money, range)
        case .percentage(let n): return TypedExpr(.constant(n.raw), .percentage, range)
        case .days(let n): return TypedExpr(.constant(n.raw), .days, range)
        case .months(let m): return TypedExpr(.constant(Int64(m)), .months, range)
        case .date(let d): return TypedExpr(.constant(Int64(d.dayNumber)), .date, range)
        case .bool(let b): return TypedExpr(.constant(b ? 1 : 0), .bool, range)
        case .text(let t): return TypedExpr(.constant(CountryCode.encode(t) ?? 0), .country, range)
        }
    }

    /// Every type error says how to fix it: the advice becomes the `hulp:` line and any fix-its.
    mutating func mismatch(_ range: SourceRange, _ message: String, _ advice: TypeAdvice) -> TypedExpr? {
        diagnostics.error(.typeMismatch, range, message, suggestion: advice.suggestion, fixIts: advice.fixIts)
        return nil
    }

    mutating func mismatch(_ range: SourceRange, _ message: String, _ suggestion: String) -> TypedExpr? {
        mismatch(range, message, TypeAdvice(suggestion))
    }

    mutating func resolve(_ name: String, _ range: SourceRange, _ context: Context) -> TypedExpr? {
        guard let symbol = symbols[name] else {
            let hint = Suggestions.closest(to: name, in: symbols.keys)
            diagnostics.error(.unknownName, range, "onbekende naam '\(name)'",
                              suggestion: hint == nil ? "declareer '\(name)' (als definitie, parameter of gegeven), of kijk de spelling na" : nil,
                              fixIts: FixIt.didYouMean(range, hint))
            return nil
        }
        switch symbol {
        case .value(let slot, let type, let periodicity):
            guard checkPeriod(periodicity, name, range, context) else { return nil }
            return TypedExpr(.value(slot), type, range)
        case .parameter(let index, let type):
            return TypedExpr(.parameter(index), type, range)
        case .fact(let index, let type, let periodicity):
            // peildatum exists in every context: in a month it is the first day.
            if index != BuiltinFact.referenceDate.index { guard checkPeriod(periodicity, name, range, context) else { return nil } }
            return TypedExpr(.fact(index), type, range)
        case .enumCase(let enumeration, let ordinal):
            return TypedExpr(.constant(Int64(ordinal)), .enumeration(enumeration), range)
        case .benefit(let index):
            guard context.allowsBenefits else {
                diagnostics.error(.unknownName, range,
                                  "'\(name)' is een uitkering; de betaling ervan is alleen te gebruiken in een bedoeling")
                return nil
            }
            return TypedExpr(.benefit(index), .money, range)
        case .input(let index, let type, let periodicity):
            guard checkPeriod(periodicity, name, range, context) else { return nil }
            return TypedExpr(.input(index), type, range)
        }
    }

    mutating func checkPeriod(_ periodicity: Periodicity, _ name: String, _ range: SourceRange, _ context: Context) -> Bool {
        if periodicity == .day && context.periodicity == .month && !context.insideAggregation {
            diagnostics.error(.periodMismatch, range,
                              "'\(name)' is een waarde per dag en kan niet direct in een berekening per maand staan",
                              suggestion: "tel de dagen op met som_in_maand(\(name)) of aantal_dagen(\(name))")
            return false
        }
        return true
    }

    /// The type two branches or operands share; number and percentage mix to number.
    static func common(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a.isScalar && b.isScalar { return .number }
        return nil
    }

    mutating func binary(_ op: BinaryOperator, _ l: TypedExpr, _ r: TypedExpr, _ range: SourceRange) -> TypedExpr? {
        let (a, b) = (l.type, r.type)
        switch op {
        case .add, .subtract:
            let adding = op == .add
            if a == .date && b == .days { return TypedExpr(.arithmetic(adding ? .addDays : .subtractDays, l, r), .date, range) }
            if a == .date && b == .months { return TypedExpr(.arithmetic(adding ? .addMonths : .subtractMonths, l, r), .date, range) }
            if adding && a == .days && b == .date { return TypedExpr(.arithmetic(.addDays, r, l), .date, range) }
            if !adding && a == .date && b == .date { return TypedExpr(.arithmetic(.dateDifference, l, r), .days, range) }
            if a.isNumeric, b.isNumeric, let t = Self.common(a, b) {
                return TypedExpr(.arithmetic(adding ? .add : .subtract, l, r), t, range)
            }
            return mismatch(range, "kan \(Self.described(b)) niet \(adding ? "optellen bij" : "aftrekken van") \(Self.described(a))",
                            TypeAdvice.addition(op, l, r))
        case .multiply:
            if a.isScalar && b.isScalar {
                return TypedExpr(.arithmetic(.multiply, l, r), a == .percentage && b == .percentage ? .percentage : .number, range)
            }
            if a.isNumeric && b.isScalar { return TypedExpr(.arithmetic(.multiply, l, r), a, range) }
            if a.isScalar && b.isNumeric { return TypedExpr(.arithmetic(.multiply, l, r), b, range) }
            return mismatch(range, "kan \(Self.described(a)) niet vermenigvuldigen met \(Self.described(b))", TypeAdvice.multiplication(l, r))
        case .divide:
            if a.isNumeric && b.isScalar { return TypedExpr(.arithmetic(.divide, l, r), a.isScalar ? .number : a, range) }
            if a.isNumeric && a == b { return TypedExpr(.arithmetic(.divide, l, r), .number, range) }
            if a == .money && b == .days { return TypedExpr(.arithmetic(.divide, l, r), .money, range) }
            return mismatch(range, "kan \(Self.described(a)) niet delen door \(Self.described(b))", TypeAdvice.division(l, r))
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            let ordered = op != .equal && op != .notEqual
            let comparable: Bool
            switch (a, b) {
            case (.bool, .bool): comparable = !ordered
            case (.enumeration(let x), .enumeration(let y)): comparable = x == y && !ordered
            case (.country, .country): comparable = !ordered
            default: comparable = a == b || (a.isScalar && b.isScalar)
            }
            guard comparable, a != .months else {
                if a == .months || b == .months {
                    return mismatch(range, "een aantal maanden is alleen te gebruiken in datumrekening, zoals ww_ingangsdatum + 2 maanden",
                                    "vergelijk datums (ww_ingangsdatum + 2 maanden <= peildatum), of tel maanden met maanden_tussen(van, tot)")
                }
                if a == b || (a.isScalar && b.isScalar) {
                    return mismatch(range, "'\(op.rawValue)' kan \(a) niet ordenen: alleen '=' en '<>' vergelijken ja/nee-waarden, landen en opsommingen",
                                    TypeAdvice.comparison(op, l, r))
                }
                return mismatch(range, "'\(op.rawValue)' kan \(Self.described(a)) niet vergelijken met \(Self.described(b))", TypeAdvice.comparison(op, l, r))
            }
            return TypedExpr(.compare(op, l, r), .bool, range)
        case .and, .or:
            guard a == .bool, b == .bool else {
                return mismatch(range, "'\(op.rawValue)' verbindt ja/nee-waarden, niet \(Self.described(a)) en \(Self.described(b))",
                                TypeAdvice.conversion(a == .bool ? r : l, to: .bool))
            }
            return TypedExpr(op == .and ? .and(l, r) : .or(l, r), .bool, range)
        }
    }

    mutating func call(_ name: Name, _ args: [Expr], _ range: SourceRange, _ context: Context) -> TypedExpr? {
        guard let function = Function(rawValue: name.text) else {
            let names = Function.allCases.map(\.rawValue)
            let hint = Suggestions.closest(to: name.text, in: names)
            diagnostics.error(.unknownName, name.range, "onbekende functie '\(name.text)'",
                              suggestion: hint == nil ? "de functies zijn: \(names.joined(separator: ", "))" : nil,
                              fixIts: FixIt.didYouMean(name.range, hint))
            return nil
        }
        func arity(_ n: Int) -> Bool {
            if args.count == n { return true }
            let rounding = [Function.round, .roundDown, .roundUp].contains(function)
            diagnostics.error(.typeMismatch, range, "\(function.signature) verwacht \(n) argument\(n == 1 ? "" : "en"), niet \(args.count)",
                              suggestion: rounding ? "geef alleen de waarde: een bedrag wordt afgerond op centen, een getal of aantal dagen op hele eenheden"
                                  : "geef \(n) argument\(n == 1 ? "" : "en"), zoals \(function.signature)")
            return false
        }
        switch function {
        case .min, .max:
            guard args.count >= 2 else {
                diagnostics.error(.typeMismatch, range, "\(function.signature) verwacht minstens 2 argumenten",
                                  suggestion: "geef twee of meer waarden van één type, zoals \(function.rawValue)(€ 0, bedrag)")
                return nil
            }
            let checked = args.map { check($0, context) }
            let typed = checked.compactMap { $0 }
            guard typed.count == args.count else { return nil }
            var type = typed[0].type
            for t in typed.dropFirst() {
                guard let c = Self.common(type, t.type), c.isNumeric || c == .date else {
                    // `max(0, bedrag)`: the literal takes the unit of the others.
                    let target = typed.first { TypeAdvice.numberLiteral($0) == nil }?.type ?? type
                    let fixes = typed.compactMap { $0.type != target ? TypeAdvice.rewrite($0, as: target, "schrijf het getal als \(Self.described(target))") : nil }
                    return mismatch(range, "\(function.rawValue) vergelijkt waarden van één type; hier \(Self.described(type)) en \(Self.described(t.type))",
                                    fixes.isEmpty ? TypeAdvice("geef alle waarden hetzelfde type, zoals \(function.rawValue)(€ 0, bedrag)") : TypeAdvice(fixIts: fixes))
                }
                type = c
            }
            return TypedExpr(.call(function, typed), type, range)
        case .round, .roundDown, .roundUp:
            guard arity(1), let x = check(args[0], context) else { return nil }
            guard x.type == .money || x.type == .number || x.type == .days else {
                return mismatch(range, "\(function.rawValue) rondt een bedrag af op centen of een getal of aantal dagen op hele eenheden, niet \(Self.described(x.type))",
                                x.type == .percentage ? "rond het bedrag af waar het percentage bij hoort: \(function.rawValue)(percentage * bedrag)"
                                    : "een datum of ja/nee heeft niets om af te ronden; rond de berekening af waar ze een bedrag of getal is")
            }
            return TypedExpr(.call(function, [x]), x.type, range)
        case .sumInMonth, .daysInMonth:
            guard arity(1) else { return nil }
            guard context.periodicity == .month, !context.insideAggregation else {
                diagnostics.error(.periodMismatch, range, "\(function.rawValue) telt dagen op tot een maand en hoort in een berekening per maand")
                return nil
            }
            var inner = context
            inner.insideAggregation = true
            inner.periodicity = .day
            guard let x = check(args[0], inner) else { return nil }
            if function == .daysInMonth {
                guard x.type == .bool else {
                    // A sum of a daily amount was meant: som_in_maand.
                    let advice = x.type.isNumeric ? TypeAdvice(fixIts: [.replace(name.range, with: Function.sumInMonth.rawValue, "tel de waarden op met som_in_maand")])
                        : TypeAdvice.conversion(x, to: .bool)
                    return mismatch(range, "aantal_dagen telt dagen waarop iets ja is; het argument moet ja/nee zijn, niet \(Self.described(x.type))", advice)
                }
                return TypedExpr(.call(function, [x]), .days, range)
            }
            guard x.type.isNumeric else {
                let advice = x.type == .bool ? TypeAdvice(fixIts: [.replace(name.range, with: Function.daysInMonth.rawValue, "tel de dagen waarop het ja is met aantal_dagen")])
                    : TypeAdvice("tel een getal, bedrag of aantal dagen per dag op")
                return mismatch(range, "som_in_maand telt getallen, bedragen of dagen op, niet \(Self.described(x.type))", advice)
            }
            return TypedExpr(.call(function, [x]), x.type, range)
        case .yearToDate:
            guard arity(1) else { return nil }
            // Per dag: the running total of the days of this calendar year up to
            // and including today; per maand: of the months up to and including this one.
            guard context.periodicity == .day || (context.periodicity == .month && !context.insideAggregation) else {
                diagnostics.error(.periodMismatch, range, "totaal_dit_jaar loopt per dag of per maand en hoort in een berekening per dag of per maand")
                return nil
            }
            guard let x = check(args[0], context) else { return nil }
            // Counting: days on which something holds, or months in which it holds.
            if x.type == .bool { return TypedExpr(.call(function, [x]), context.periodicity == .day ? .days : .number, range) }
            guard x.type.isNumeric else {
                return mismatch(range, "totaal_dit_jaar telt getallen, bedragen, dagen of ja/nee op, niet \(Self.described(x.type))",
                                "tel een waarde op die per dag of per maand verandert, zoals totaal_dit_jaar(inkomen); een datum is geen hoeveelheid")
            }
            return TypedExpr(.call(function, [x]), x.type, range)
        case .totalSince:
            // The months from the month of a date up to and including this one,
            // across the turn of the year: a duration that runs on.
            guard arity(2) else { return nil }
            guard context.periodicity == .month, !context.insideAggregation else {
                diagnostics.error(.periodMismatch, range, "totaal_sinds telt hele maanden op en hoort in een berekening per maand",
                                  suggestion: "tel dagen eerst per maand op met som_in_maand of aantal_dagen, en die maandtotalen met totaal_sinds")
                return nil
            }
            let x = check(args[0], context), day = check(args[1], context)
            guard let x, let day else { return nil }
            guard day.type == .date else { return mismatch(args[1].range, "totaal_sinds telt vanaf een datum; het tweede argument moet een datum zijn, niet \(Self.described(day.type))",
                                                              "geef een datum: geschreven als JJJJ-MM-DD, of een gegeven of definitie van het type datum, zoals een ingangsdatum") }
            if x.type == .bool { return TypedExpr(.call(function, [x, day]), .number, range) }
            guard x.type.isNumeric else { return mismatch(range, "totaal_sinds telt getallen, bedragen, dagen of ja/nee op, niet \(Self.described(x.type))",
                                                         "tel een waarde per maand op (een getal, bedrag of aantal dagen), of de maanden waarin een voorwaarde (ja/nee) geldt") }
            return TypedExpr(.call(function, [x, day]), x.type, range)
        case .year, .monthOf, .yearStart:
            guard arity(1), let x = check(args[0], context) else { return nil }
            guard x.type == .date else {
                return mismatch(range, "\(function.signature) verwacht een datum, niet \(Self.described(x.type))",
                                "geef een datum, zoals \(function.rawValue)(peildatum) of \(function.rawValue)(2025-01-01)")
            }
            return TypedExpr(.call(function, [x]), function == .yearStart ? .date : .number, range)
        case .daysBetween:
            guard arity(2) else { return nil }
            let a = check(args[0], context), b = check(args[1], context)
            guard let a, let b else { return nil }
            guard a.type == .date, b.type == .date else {
                return mismatch(range, "dagen_tussen verwacht twee datums, niet \(Self.described(a.type)) en \(Self.described(b.type))",
                                "geef twee datums, zoals dagen_tussen(ww_ingangsdatum, peildatum)")
            }
            return TypedExpr(.call(function, [a, b]), .days, range)
        case .monthsBetween:
            guard arity(2) else { return nil }
            let a = check(args[0], context), b = check(args[1], context)
            guard let a, let b else { return nil }
            guard a.type == .date, b.type == .date else {
                return mismatch(range, "maanden_tussen verwacht twee datums, niet \(Self.described(a.type)) en \(Self.described(b.type))",
                                "geef twee datums, zoals maanden_tussen(ww_ingangsdatum, peildatum)")
            }
            return TypedExpr(.call(function, [a, b]), .number, range)
        case .plusMonths, .blockEnd:
            guard arity(2) else { return nil }
            let a = check(args[0], context), b = check(args[1], context)
            guard let a, let b else { return nil }
            guard a.type == .date, b.type == .number else {
                // `plus_maanden(d, 3 maanden)`: the count is a plain number here.
                var advice = TypeAdvice("geef een datum en een getal, zoals \(function.rawValue)(peildatum, 3)\(function == .plusMonths ? ", of schrijf datum + 3 maanden" : "")")
                if a.type == .date, case .constant(let count) = b.node, b.type == .months {
                    advice = TypeAdvice(fixIts: [.replace(b.range, with: "\(count)", "schrijf het aantal als getal: \(count)")])
                }
                return mismatch(range, "\(function.signature) verwacht een datum en een getal, niet \(Self.described(a.type)) en \(Self.described(b.type))", advice)
            }
            return TypedExpr(.call(function, [a, b]), .date, range)
        case .ever:
            guard arity(1) else { return nil }
            guard context.periodicity == .month, !context.insideAggregation else {
                diagnostics.error(.periodMismatch, range, "ooit kijkt terug over maanden en hoort in een berekening per maand")
                return nil
            }
            guard let x = check(args[0], context) else { return nil }
            guard x.type == .bool else {
                return mismatch(range, "ooit verwacht ja/nee, niet \(Self.described(x.type))", TypeAdvice.conversion(x, to: .bool))
            }
            return TypedExpr(.call(function, [x]), .bool, range)
        case .valueOn:
            // A parameter's value on a given day, not on the day computed: the law
            // often fixes a value once (the AOW age of the year one reaches it).
            guard arity(2) else { return nil }
            guard case .name(let name) = args[0].kind, case .parameter(let index, let type)? = symbols[name] else {
                return mismatch(args[0].range, "waarde_op leest een parameter op een datum; het eerste argument moet de naam van een parameter zijn",
                                "schrijf waarde_op(naam_van_een_parameter, datum); een definitie of gegeven heeft geen waarden per datum")
            }
            guard let day = check(args[1], context) else { return nil }
            guard day.type == .date else {
                return mismatch(args[1].range, "waarde_op verwacht een datum als tweede argument, niet \(Self.described(day.type))",
                                "geef de datum waarop de parameter gelezen wordt, zoals waarde_op(\(name), peildatum)")
            }
            return TypedExpr(.call(function, [TypedExpr(.parameter(index), type, args[0].range), day]), type, range)
        }
    }
}
