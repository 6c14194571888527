/// The compiled form of a checked rule set: every expression turned into a
/// closure over slots, parameters and fact columns, once. Evaluating a persona
/// runs these closures; no name is looked up and no type decided at run time.
public final class Plan: Sendable {
    typealias Compiled = @Sendable (Frame, Int) throws(EvaluationFailure) -> Int64

    /// A class, so that reading a slot while evaluating is one reference, not a copy of its closures.
    final class Slot: Sendable {
        let periodicity: Periodicity
        let rounding: Rounding?
        let type: ValueType
        /// Tried in order (`ValueDeclaration.alternatives`): the exceptions, then the rule.
        let alternatives: [Alternative<Compiled>]

        init(periodicity: Periodicity, rounding: Rounding?, type: ValueType, alternatives: [Alternative<Compiled>]) {
            self.periodicity = periodicity
            self.rounding = rounding
            self.type = type
            self.alternatives = alternatives
        }
    }

    struct CompiledObligation: Sendable {
        let applies: Compiled
        let fulfilled: Compiled
        /// Per consequence: its compiled amount, if it has one.
        let fines: [Compiled?]
    }

    struct CompiledIntent: Sendable {
        let condition: Compiled?
        let requirement: Compiled
    }

    public let ruleSet: RuleSet
    /// Where each persona line lands in a fact table.
    public let factLayout: FactLayout
    let slots: [Slot]
    let obligations: [CompiledObligation]
    let intents: [CompiledIntent]
    /// Per discretion point: its compiled scope (per month), if it has one.
    let discretionScopes: [Compiled?]
    let runningTotalSites: Int
    /// Whether any declaration reads `beslisdatum`: then every decision month
    /// needs its own frame, even when the agency learnt nothing new.
    let readsDecisionDate: Bool
    /// Per slot: whether its value depends, directly or through other slots,
    /// on the decision date. Only these are recomputed per decision date.
    let decisionDependent: [Bool]
    /// Per benefit: its payment and deduction rules, by slot.
    let paymentSlots: [[Int]]
    let deductionSlots: [[Int]]
    /// Per benefit and per obligation: whether it depends on the decision date.
    let benefitDecisionDependent: [Bool]
    let obligationDecisionDependent: [Bool]

    public init(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        factLayout = FactLayout(ruleSet)
        var compiler = Compiler(ruleSet: ruleSet)
        slots = ruleSet.values.map { d in
            let period = d.periodicity == .month ? Periodicity.month : .day
            return Slot(periodicity: d.periodicity, rounding: d.rounding, type: d.type,
                        alternatives: d.alternatives { compiler.compile($0, period) })
        }
        obligations = ruleSet.obligations.map { o in
            let period = o.periodicity == .month ? Periodicity.month : .day
            return CompiledObligation(applies: compiler.compile(o.applies, period), fulfilled: compiler.compile(o.fulfilled, period),
                                      fines: o.consequences.map { $0.amount.map { compiler.compile($0, period) } })
        }
        intents = ruleSet.intents.map { i in
            let period = i.periodicity == .month ? Periodicity.month : .day
            return CompiledIntent(condition: i.condition.map { compiler.compile($0, period) }, requirement: compiler.compile(i.requirement, period))
        }
        discretionScopes = ruleSet.discretions.map { d in d.scope.map { compiler.compile($0, .month) } }
        runningTotalSites = compiler.runningTotalSites
        var expressions: [TypedExpr] = []
        for d in ruleSet.values {
            expressions.append(d.body)
            if let c = d.condition { expressions.append(c) }
            for x in d.exceptions { expressions += [x.condition, x.body] }
        }
        for o in ruleSet.obligations { expressions += [o.applies, o.fulfilled] + o.consequences.compactMap(\.amount) }
        for i in ruleSet.intents { expressions += [i.requirement] + (i.condition.map { [$0] } ?? []) }
        readsDecisionDate = expressions.contains { $0.references.contains(.fact(BuiltinFact.decisionDate.index)) }
        let dependent = Plan.dependence(on: .fact(BuiltinFact.decisionDate.index), in: ruleSet)
        decisionDependent = dependent
        var payments = Array(repeating: [Int](), count: ruleSet.benefits.count), deductions = payments
        for (slot, d) in ruleSet.values.enumerated() {
            switch d.role {
            case .payment(let b): payments[b].append(slot)
            case .deduction(let b): deductions[b].append(slot)
            case .definition: break
            }
        }
        paymentSlots = payments
        deductionSlots = deductions
        benefitDecisionDependent = ruleSet.benefits.indices.map { b in (payments[b] + deductions[b]).contains { dependent[$0] } }
        obligationDecisionDependent = ruleSet.obligations.map { o in
            (o.applies.references + o.fulfilled.references).contains { ref in
                switch ref {
                case .fact(BuiltinFact.decisionDate.index): return true
                case .value(let v): return dependent[v]
                default: return false
                }
            }
        }
    }
}

extension Plan {
    /// Slots that read a reference directly or through other slots (a fixed point over the slot graph).
    static func dependence(on target: TypedExpr.Reference, in ruleSet: RuleSet) -> [Bool] {
        let reads: [[TypedExpr.Reference]] = ruleSet.values.map { d in
            var refs = d.body.references + (d.condition?.references ?? [])
            for x in d.exceptions { refs += x.condition.references + x.body.references }
            return refs
        }
        var depends = reads.map { $0.contains(target) }
        var changed = true
        while changed {
            changed = false
            for (slot, refs) in reads.enumerated() where !depends[slot] {
                if refs.contains(where: { if case .value(let v) = $0 { return depends[v] } else { return false } }) {
                    depends[slot] = true
                    changed = true
                }
            }
        }
        return depends
    }
}

/// Where and why an evaluation failed; reported as a diagnostic at the declaration.
public struct EvaluationFailure: Error, Sendable {
    public let message: String
    public let range: SourceRange
    /// The fact the persona did not give, when that is why it failed.
    public var missingFact: String? = nil
}

/// Lowers checked expressions to closures over a frame; the functions of the
/// language are in Plan+Functions.swift.
struct Compiler {
    typealias Compiled = Plan.Compiled

    /// The days `CivilDate` can name. Date arithmetic that leaves them fails with a
    /// message instead of trapping in the calendar code.
    static let supportedDays = Int64(CivilDate(year: 1800, month: 1, day: 1)!.dayNumber)...Int64(CivilDate(year: 2999, month: 12, day: 31)!.dayNumber)

    static func dateOutOfRange(_ range: SourceRange) -> EvaluationFailure {
        EvaluationFailure(message: "deze datumberekening komt buiten de jaren 1800 tot en met 2999", range: range)
    }
    let ruleSet: RuleSet
    var runningTotalSites = 0

    mutating func compile(_ e: TypedExpr, _ context: Periodicity) -> Compiled {
        let range = e.range
        switch e.node {
        case .constant(let v):
            return { _, _ in v }
        case .parameter(let p):
            let parameter = ruleSet.parameters[p]
            if context == .month {
                return { frame, m throws(EvaluationFailure) in try frame.parameter(parameter, on: frame.range.month(m).first, range) }
            }
            return { frame, d throws(EvaluationFailure) in try frame.parameter(parameter, on: frame.range.date(ofDay: d), range) }
        case .value(let slot):
            let target = ruleSet.values[slot].periodicity
            switch (context, target) {
            case (.month, _): return { frame, m throws(EvaluationFailure) in try frame.monthValue(slot, m) }
            case (_, .month): return { frame, d throws(EvaluationFailure) in try frame.monthValue(slot, frame.monthOfDay[d]) }
            default: return { frame, d throws(EvaluationFailure) in try frame.dayValue(slot, d) }
            }
        case .benefit(let b):
            return { frame, m throws(EvaluationFailure) in frame.benefitPayment(b, context == .month ? m : frame.monthOfDay[m]) }
        case .fact(let fact):
            return compileFact(fact, context, range)
        case .input(let i):
            // A persona supplies facts on a timeline, no columns of input: a rule
            // that needs one is evaluated in a batch (BatchEvaluator, doenbaar bench).
            let name = ruleSet.inputs[i].name
            return { frame, _ throws(EvaluationFailure) in
                throw EvaluationFailure(message: "'\(name)' is invoer van een batchberekening; persona '\(frame.personaID)' geeft geen invoer (reken deze regels met de batchberekening, zoals doenbaar bench)", range: range)
            }
        case .negate(let x):
            let a = compile(x, context)
            return { f, p throws(EvaluationFailure) in -(try a(f, p)) }
        case .not(let x):
            let a = compile(x, context)
            return { f, p throws(EvaluationFailure) in try a(f, p) == 0 ? 1 : 0 }
        case .and(let x, let y):
            let a = compile(x, context), b = compile(y, context)
            return { f, p throws(EvaluationFailure) in
                if try a(f, p) == 0 { return 0 }
                return try b(f, p) != 0 ? 1 : 0
            }
        case .or(let x, let y):
            let a = compile(x, context), b = compile(y, context)
            return { f, p throws(EvaluationFailure) in
                if try a(f, p) != 0 { return 1 }
                return try b(f, p) != 0 ? 1 : 0
            }
        case .conditional(let c, let x, let y):
            let cond = compile(c, context), a = compile(x, context), b = compile(y, context)
            return { f, p throws(EvaluationFailure) in try cond(f, p) != 0 ? a(f, p) : b(f, p) }
        case .compare(let op, let x, let y):
            let a = compile(x, context), b = compile(y, context)
            return { f, p throws(EvaluationFailure) in ValueSemantics.compare(op, try a(f, p), try b(f, p)) }
        case .arithmetic(let op, let x, let y):
            return compileArithmetic(op, compile(x, context), compile(y, context), range)
        case .call(let function, let args):
            return compileCall(function, args, context, range)
        }
    }

    /// A fact column read; where the persona gave no value, the fact's default
    /// (compiled in the same context) or a failure that says where to give it.
    private mutating func compileFact(_ index: Int, _ context: Periodicity, _ range: SourceRange) -> Compiled {
        let fact = ruleSet.facts[index]
        let fallback = fact.defaultValue.map { compile($0, context) }
        let name = fact.name, filler = Compiler.filler(of: index, in: ruleSet)
        @Sendable func absent(_ frame: Frame, _ when: String) -> EvaluationFailure {
            EvaluationFailure(message: "geen waarde voor '\(name)'\(when) (\(fact.explanation)); "
                                  + "\(filler), geef het gegeven een standaardwaarde, of bescherm het gebruik met een voorwaarde (als ...)",
                              range: range, missingFact: name)
        }
        // A default that itself cannot be computed names the fact it stands in for.
        @Sendable func defaulted(_ frame: Frame, _ p: Int, _ fallback: Compiled) throws(EvaluationFailure) -> Int64 {
            do { return try fallback(frame, p) } catch {
                throw EvaluationFailure(message: "geen waarde voor '\(name)' (\(fact.explanation)): \(filler); de standaardwaarde lukt ook niet, want \(error.message)",
                                        range: range, missingFact: name)
            }
        }
        switch fact.periodicity {
        case .constant:
            return { frame, p throws(EvaluationFailure) in
                let v = frame.facts.constants[index]
                if v > FactTable.outsideBlock { return v }
                if v == FactTable.absent, let fallback { return try defaulted(frame, p, fallback) }
                throw absent(frame, "")
            }
        case .month:
            @Sendable func read(_ frame: Frame, _ p: Int, month m: Int) throws(EvaluationFailure) -> Int64 {
                let v = frame.facts.monthly[index][m]
                if v != FactTable.absent { return v }
                if let fallback { return try defaulted(frame, p, fallback) }
                throw absent(frame, " over \(frame.range.month(m))")
            }
            // The month of the period is chosen when compiling, not on every read.
            if context == .month { return { frame, m throws(EvaluationFailure) in try read(frame, m, month: m) } }
            return { frame, d throws(EvaluationFailure) in try read(frame, d, month: frame.monthOfDay[d]) }
        case .day:
            if index == BuiltinFact.referenceDate.index && context == .month {
                return { frame, m in Int64(frame.range.month(m).first.dayNumber) }
            }
            return { frame, d throws(EvaluationFailure) in
                let v = frame.facts.daily[index][d]
                if v != FactTable.absent { return v }
                if let fallback { return try defaulted(frame, d, fallback) }
                throw absent(frame, " op \(frame.range.date(ofDay: d))")
            }
        }
    }

    /// A result of `ValueSemantics`, or the failure it stands for when it is the mark.
    @inline(__always)
    static func checked(_ v: Int64, else failure: @autoclosure () -> EvaluationFailure) throws(EvaluationFailure) -> Int64 {
        guard v != ValueSemantics.failed else { throw failure() }
        return v
    }

    static func overflow(_ range: SourceRange) -> EvaluationFailure {
        EvaluationFailure(message: "de uitkomst van deze berekening is te groot", range: range)
    }

    /// Where a persona file gives a fact, for the message when it is missing.
    static func filler(of fact: Int, in ruleSet: RuleSet) -> String {
        if let (s, field) = ruleSet.field(filling: fact) {
            return s.keyword == PersonaSection.header ? "geef het in de persona met '\(field.word)'"
                : "geef het in onderdeel '\(s.keyword)' met '\(field.word)'"
        }
        if let r = ruleSet.record(filling: fact) { return "geef het met een regel '\(r.keyword)'" }
        return "geen regel van een persona-bestand vult dit gegeven (declareer een veld in een onderdeel)"
    }

    private func compileArithmetic(_ op: TypedExpr.Arithmetic, _ a: @escaping Compiled, _ b: @escaping Compiled, _ range: SourceRange) -> Compiled {
        let overflow = Compiler.overflow(range)
        // The operation's meaning is ValueSemantics; a failure mark here is an overflow.
        @Sendable func checked(_ v: Int64) throws(EvaluationFailure) -> Int64 { try Compiler.checked(v, else: overflow) }
        switch op {
        case .add:
            return { f, p throws(EvaluationFailure) in try checked(ValueSemantics.add(try a(f, p), try b(f, p))) }
        case .subtract:
            return { f, p throws(EvaluationFailure) in try checked(ValueSemantics.subtract(try a(f, p), try b(f, p))) }
        case .multiply:
            return { f, p throws(EvaluationFailure) in try checked(ValueSemantics.multiply(try a(f, p), try b(f, p))) }
        case .divide:
            return { f, p throws(EvaluationFailure) in
                let divisor = try b(f, p)
                guard divisor != 0 else { throw EvaluationFailure(message: "deling door nul", range: range) }
                return try checked(ValueSemantics.divide(try a(f, p), divisor))
            }
        case .addDays, .subtractDays:
            let sign: Int64 = op == .addDays ? 1 : -1
            let outOfRange = Compiler.dateOutOfRange(range)
            // Whole days only: a fraction of a day is dropped (toward minus infinity).
            return { f, p throws(EvaluationFailure) in
                let day = try a(f, p) + sign * Fixed.divide(try b(f, p), Fixed.scale, .down)
                guard Compiler.supportedDays.contains(day) else { throw outOfRange }
                return day
            }
        case .addMonths, .subtractMonths:
            let sign = op == .addMonths ? 1 : -1
            let outOfRange = Compiler.dateOutOfRange(range)
            return { f, p throws(EvaluationFailure) in
                // Every date reaching here is in the supported range, so a bounded
                // month count keeps the calendar arithmetic inside Int32.
                let date = CivilDate(dayNumber: Int32(clamping: try a(f, p)))
                let months = try b(f, p)
                guard abs(months) <= 12 * 1200 else { throw outOfRange }
                let day = Int64(date.adding(months: sign * Int(months)).dayNumber)
                guard Compiler.supportedDays.contains(day) else { throw outOfRange }
                return day
            }
        case .dateDifference:
            return { f, p throws(EvaluationFailure) in (try a(f, p) - (try b(f, p))) * Fixed.scale }
        }
    }
}
