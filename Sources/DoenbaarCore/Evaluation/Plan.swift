/// The compiled form of a checked rule set: every expression lowered once
/// into a `Program` of plain instructions over slots, parameters and fact
/// columns. Evaluating a persona follows indices; no name is looked up, no
/// type decided and no closure called at run time. Unchecked Sendable: its
/// buffers are written once, in `init`, and only read afterwards.
public final class Plan: @unchecked Sendable {
    typealias Compiled = Program.Expression

    /// How a slot's value is computed: read on every evaluation, so plain data only.
    struct Slot {
        let periodicity: Periodicity
        /// `ValueSemantics.settle`'s rounding, if the declaration rounds.
        let rounding: Rounding?
        /// What it rounds to (`ValueSemantics.roundingUnit(of:)` of its type): the
        /// slot is plain data, so reading it counts no reference (a type can hold a name).
        let roundingUnit: Int64
        /// Its alternatives in `alternatives`, in the order they are tried
        /// (`ValueDeclaration.alternatives`): the exceptions, then the rule.
        let firstAlternative: Int
        let alternativeCount: Int
    }

    /// One alternative, with its validity as day numbers (end exclusive).
    struct CompiledAlternative {
        let validFrom: Int32
        let validUntil: Int32
        /// -1: no condition.
        let condition: Compiled
        let body: Compiled
        let decision: Int8

        @inline(__always) func valid(on day: Int32) -> Bool { day >= validFrom && day < validUntil }
    }

    struct CompiledObligation: Sendable {
        let applies: Compiled
        let fulfilled: Compiled
        /// Per consequence: its compiled amount, if it has one.
        let fines: [Compiled?]
        /// The obligation's own periodicity, validity and deadline, read on every
        /// evaluation: copied here so that no declaration (with its strings and
        /// expressions) is copied then.
        let periodicity: Periodicity
        let validity: Validity
        let deadline: Obligation.Deadline?
    }

    struct CompiledIntent: Sendable {
        let condition: Compiled?
        let requirement: Compiled
        /// Read every month: copied here, as for obligations.
        let periodicity: Periodicity
        let validity: Validity
    }

    public let ruleSet: RuleSet
    /// Where each persona line lands in a fact table.
    public let factLayout: FactLayout
    let program: Program
    let slotCount: Int
    /// Per slot, in one allocation that never changes: no reference counting on the way to a value.
    let slots: UnsafeMutablePointer<Slot>
    let alternatives: UnsafeMutablePointer<CompiledAlternative>
    let obligations: [CompiledObligation]
    let intents: [CompiledIntent]
    /// Per intent: the words its outcomes tell, and which versions are one intent.
    let intentWords: [IntentWords]
    /// Per obligation: what a missed one says of itself, and its fines (`Obligations.book`).
    let missedWords: [Obligations.Words]
    /// Per discretion point: its compiled scope (per month), if it has one.
    let discretionScopes: [Compiled?]
    let runningTotalSites: Int
    /// Whether any declaration reads `beslisdatum`: then every decision month
    /// needs its own frame, even when the agency learnt nothing new.
    let readsDecisionDate: Bool
    /// Per slot: whether its value depends, directly or through other slots,
    /// on the decision date. Only these are recomputed per decision date.
    /// A buffer, read on every value a shared frame is asked for.
    let decisionDependent: UnsafeMutablePointer<Bool>
    /// The sets of facts that slots and obligations read (`FactSets`): a view takes a slot's
    /// values, or an obligation's episodes, over from the view before it for as long as the
    /// facts of its set agree in every lane, whatever other facts it learnt (`LaneBlock.view`).
    let factSets: [[Int]]
    /// Per slot: its set of facts (an index into `factSets`). A buffer, read on every value a view is asked for.
    let slotFactSet: UnsafeMutablePointer<Int32>
    /// Per obligation: the set of facts its rules (`geldt als`, `nagekomen als`) read.
    let obligationFactSet: [Int]
    /// Per fact: whether some set holds it (the decision date aside: it is the view's own).
    let inSomeFactSet: [Bool]
    /// Per benefit: its payment and deduction rules, by slot.
    let paymentSlots: [[Int]]
    let deductionSlots: [[Int]]
    /// Per benefit, per obligation and per running-total site (`totaal_dit_jaar`
    /// in a daily rule): whether it depends on the decision date.
    let benefitDecisionDependent: [Bool]
    let obligationDecisionDependent: [Bool]
    let runningTotalDecisionDependent: [Bool]
    /// How each instruction reads the decision date, for views that take such values over (`DecisionReads`).
    let decisionReads: DecisionReads
    /// Per instruction of the program: whether its value is the same on every day
    /// of a month (`MonthInvariance`). A buffer, read on every evaluation of days.
    let sameAllMonth: UnsafeMutablePointer<Bool>
    /// What cannot fail in a persona run over a range (`RangeProof`, without inputs), made once per range.
    let personaProofs = SharedMemo<EvaluationRange, RangeProof>(limit: 256)
    /// No lane has an episode, and none failed (`Obligations.LaneEpisodes.isEmpty`): handed out for most
    /// obligations in most months. One per plan, not one for the process, as `FactLayout.calendar`.
    let noEpisodes = Obligations.LaneEpisodes(all: [], starts: [], failed: [])

    public init(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        factLayout = FactLayout(ruleSet)
        var compiler = ProgramBuilder(ruleSet: ruleSet)
        var slotTable: [Slot] = [], alternativeTable: [CompiledAlternative] = []
        for d in ruleSet.values {
            let period = d.periodicity == .month ? Periodicity.month : .day
            let compiled = d.alternatives { compiler.compile($0, period) }
            slotTable.append(Slot(periodicity: d.periodicity, rounding: d.rounding, roundingUnit: ValueSemantics.roundingUnit(of: d.type),
                                  firstAlternative: alternativeTable.count, alternativeCount: compiled.count))
            alternativeTable += compiled.map { a in
                CompiledAlternative(validFrom: a.validity.from?.dayNumber ?? Int32.min, validUntil: a.validity.until?.dayNumber ?? Int32.max,
                                    condition: a.condition ?? -1, body: a.body, decision: a.decision)
            }
        }
        slotCount = slotTable.count
        slots = .allocate(capacity: max(1, slotTable.count))
        slots.initialize(from: slotTable, count: slotTable.count)
        alternatives = .allocate(capacity: max(1, alternativeTable.count))
        alternatives.initialize(from: alternativeTable, count: alternativeTable.count)
        obligations = ruleSet.obligations.map { o in
            let period = o.periodicity == .month ? Periodicity.month : .day
            return CompiledObligation(applies: compiler.compile(o.applies, period), fulfilled: compiler.compile(o.fulfilled, period),
                                      fines: o.consequences.map { $0.amount.map { compiler.compile($0, period) } },
                                      periodicity: o.periodicity, validity: o.validity, deadline: o.deadline)
        }
        intents = ruleSet.intents.map { i in
            let period = i.periodicity == .month ? Periodicity.month : .day
            return CompiledIntent(condition: i.condition.map { compiler.compile($0, period) }, requirement: compiler.compile(i.requirement, period),
                                  periodicity: i.periodicity, validity: i.validity)
        }
        intentWords = ruleSet.intents.map { i in
            IntentWords(intent: i.name, source: i.provenance.source, text: i.text,
                        group: ruleSet.intents.firstIndex { $0.name == i.name }!)
        }
        missedWords = zip(ruleSet.obligations, obligations).map { o, compiled in
            Obligations.Words(name: o.name, source: o.provenance.source, demands: o.demands, consequences: o.consequences.map(\.kind.rawValue),
                              fines: zip(o.consequences, compiled.fines).filter { $0.0.kind == .fine }.map { (share: $0.0.detrimentShare, amount: $0.1) })
        }
        discretionScopes = ruleSet.discretions.map { d in d.scope.map { compiler.compile($0, .month) } }
        program = Program(compiler)
        let invariant = MonthInvariance.analyse(program, slots: slots, slotCount: slotCount, alternatives: alternatives)
        sameAllMonth = .allocate(capacity: max(1, invariant.count))
        sameAllMonth.initialize(from: invariant, count: invariant.count)
        runningTotalSites = program.runningTotalSites
        var expressions: [TypedExpr] = []
        for d in ruleSet.values {
            expressions.append(d.body)
            if let c = d.condition { expressions.append(c) }
            for x in d.exceptions { expressions += [x.condition, x.body] }
        }
        for o in ruleSet.obligations { expressions += [o.applies, o.fulfilled] + o.consequences.compactMap(\.amount) }
        for i in ruleSet.intents { expressions += [i.requirement] + (i.condition.map { [$0] } ?? []) }
        readsDecisionDate = expressions.contains { Plan.reads($0.references, ruleSet).contains(.fact(BuiltinFact.decisionDate.index)) }
        let dependent = Plan.dependence(on: .fact(BuiltinFact.decisionDate.index), in: ruleSet)
        let sets = FactSets(ruleSet, decisionDependent: dependent)
        factSets = sets.sets
        slotFactSet = .allocate(capacity: max(1, sets.ofSlot.count))
        slotFactSet.initialize(from: sets.ofSlot, count: sets.ofSlot.count)
        obligationFactSet = sets.ofObligation
        inSomeFactSet = sets.inSomeSet
        decisionDependent = .allocate(capacity: max(1, dependent.count))
        decisionDependent.initialize(from: dependent, count: dependent.count)
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
        decisionReads = DecisionReads(program, slotDependent: dependent, benefitDependent: benefitDecisionDependent)
        // Read from the compiled rules, as every view reads them (`DecisionReads.dependent`).
        let reads = decisionReads.dependent
        obligationDecisionDependent = obligations.map { reads[Int($0.applies)] || reads[Int($0.fulfilled)] }
        var sites = [Bool](repeating: false, count: program.runningTotalSites)
        for e in 0..<program.codeCount where program.code[e].op == .yearToDateOfDay {
            sites[Int(program.code[e].b)] = reads[Int(program.code[e].a)]
        }
        runningTotalDecisionDependent = sites
    }

    deinit {
        decisionDependent.deallocate()
        slotFactSet.deallocate()
        sameAllMonth.deallocate()
        slots.deallocate()
        alternatives.deallocate()
    }
}

extension Plan {
    /// What reading these references reads: each fact's default is read where
    /// the fact has no value, so what it reads counts too (a default reads facts
    /// only, and the checker refuses a cycle among them).
    static func reads(_ references: [TypedExpr.Reference], _ ruleSet: RuleSet) -> [TypedExpr.Reference] {
        var out = references, seen = Set(references), k = 0
        while k < out.count {
            if case .fact(let f) = out[k], let fallback = ruleSet.facts[f].defaultValue {
                for r in fallback.references where seen.insert(r).inserted { out.append(r) }
            }
            k += 1
        }
        return out
    }

    /// What each slot reads itself: its rules' references, with what their facts' defaults read.
    static func slotReads(_ ruleSet: RuleSet) -> [[TypedExpr.Reference]] {
        ruleSet.values.map { d in
            var refs = d.body.references + (d.condition?.references ?? [])
            for x in d.exceptions { refs += x.condition.references + x.body.references }
            return Plan.reads(refs, ruleSet)
        }
    }

    /// Slots that read a reference directly or through other slots (a fixed point over the slot graph).
    static func dependence(on target: TypedExpr.Reference, in ruleSet: RuleSet) -> [Bool] {
        let reads = slotReads(ruleSet)
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
