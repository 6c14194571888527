/// The sets of facts that slots and obligations read, directly, through a fact's
/// default or through other slots, each set once. A view of the agency takes a slot's
/// values, or an obligation's episodes, over from the view before it in the months in
/// which the facts of its set agree in every lane, whatever other facts it learnt
/// (`LaneBlock.view`): a new income line leaves the day wage as it was. What reads the
/// decision date is in set 0, which no later view takes over.
struct FactSets {
    /// Each set of fact indices, in order; set 0 is empty and stands for the decision date.
    let sets: [[Int]]
    /// Per slot: its set.
    let ofSlot: [Int32]
    /// Per obligation: the set its rules (`geldt als`, `nagekomen als`) read.
    let ofObligation: [Int]
    /// Per fact: whether some set holds it (the decision date aside: it is the view's own).
    let inSomeSet: [Bool]

    /// - Parameter dependent: per slot, whether it reads the decision date (`Plan.dependence`).
    init(_ ruleSet: RuleSet, decisionDependent dependent: [Bool]) {
        var sets: [[Int]] = [[]], index: [[Int]: Int] = [:]
        func set(of facts: [Int], readingDecisionDate: Bool) -> Int {
            if readingDecisionDate { return 0 }
            if let known = index[facts] { return known }
            index[facts] = sets.count
            sets.append(facts)
            return sets.count - 1
        }
        let slotFacts = FactSets.factsRead(by: ruleSet)
        ofSlot = zip(slotFacts, dependent).map { Int32(set(of: $0, readingDecisionDate: $1)) }
        ofObligation = ruleSet.obligations.map { o in
            var facts = Set<Int>()
            for r in Plan.reads(o.applies.references + o.fulfilled.references, ruleSet) {
                switch r {
                case .fact(let f): facts.insert(f)
                case .value(let v): facts.formUnion(slotFacts[v])
                case .parameter, .benefit: break
                }
            }
            return set(of: facts.sorted(), readingDecisionDate: facts.contains(BuiltinFact.decisionDate.index))
        }
        self.sets = sets
        var inSet = Array(repeating: false, count: ruleSet.facts.count)
        for f in sets.joined() where f != BuiltinFact.decisionDate.index { inSet[f] = true }
        inSomeSet = inSet
    }

    /// Per slot, the facts it reads directly or through other slots, in order (a fixed point over the slot graph).
    static func factsRead(by ruleSet: RuleSet) -> [[Int]] {
        let reads = Plan.slotReads(ruleSet)
        var facts: [Set<Int>] = reads.map { refs in Set(refs.compactMap { if case .fact(let f) = $0 { f } else { nil } }) }
        var changed = true
        while changed {
            changed = false
            for (slot, refs) in reads.enumerated() {
                for case .value(let v) in refs where !facts[v].isSubset(of: facts[slot]) {
                    facts[slot].formUnion(facts[v])
                    changed = true
                }
            }
        }
        return facts.map { $0.sorted() }
    }
}
