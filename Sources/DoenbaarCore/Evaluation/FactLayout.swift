/// Where each persona line lands in a fact table: computed once per plan.
/// A class: every view and table of a run reads it, and a reference is passed
/// without counting each of its arrays.
public final class FactLayout: Sendable {
    public let facts: [FactDeclaration]
    /// Fact index by name, for the once-per-person values of a persona.
    public let index: [String: Int]
    /// Facts that say whether the persona has a block; nee when it has not.
    public let presenceFacts: [Int]
    public let records: [PersonaRecordKind]
    /// Per record kind: what filling a table reads of it (`RecordFill`).
    let fills: [RecordFill]
    /// The record kinds by keyword: each keyword once (`keywords`), with the kinds it fills (in the
    /// order of `records`), keyword after keyword in `keywordKinds` from `keywordStarts[g]` on. Lists
    /// looked through by keyword: a rule set has a few, and a line's keyword compared with them costs
    /// less than hashing it (every run sorts its persona's lines out); flat, so that reading a
    /// keyword's kinds counts no reference.
    private let keywords: [String]
    private let keywordStarts: [Int]
    private let keywordKinds: [Int]
    /// Defaults that are a plain value (`standaard = nee`), by fact index.
    public let constantDefaults: [Int: Int64]
    /// Per fact: the value a table starts with, its plain default or `FactTable.absent`
    /// (read for every table made and every kind of line filled again: no hashing).
    let initialValues: [Int64]
    /// Per fact with months: its row in a table's `MonthColumns`; -1 for the others.
    let monthlyRows: [Int]
    /// Facts taken from life events (`uit gebeurtenis`), with their kinds.
    public let eventFacts: [(fact: Int, kinds: Set<String>)]
    /// The facts each block (other than the header) fills, by block keyword.
    public let blockFields: [(block: String, fields: [Int])]
    /// Whether no two record kinds fill the same fact, and none fills a fact
    /// given otherwise: then a kind can be filled again on its own (`FactTable.known(at:)`).
    public let kindsFillTheirOwnFacts: Bool
    /// Per record kind (as in `records`): the facts its lines fill (`factsFilled(by:)`).
    public let filledByKind: [[Int]]
    /// Per record kind: whether none of the facts it fills has days (a table's daily column is empty for each).
    let fillsOnlyMonths: [Bool]
    /// Per number of days, the daily columns before any line (`dayColumns`).
    private let dayColumnsByCount = SharedMemo<Int, DayColumns>(limit: 64)
    /// The calendar columns of each range, for this plan's tables.
    let calendar = CalendarColumns()

    /// The columns a table over some number of days starts from: every fact's before any line,
    /// and one of zeros, which a period's facts start from when it is filled. Behind one
    /// reference: every table holds it, and a table made from another counted each list in it.
    final class DayColumns: Sendable {
        let initial: [[Int64]]
        let zeros: [Int64]

        init(initial: [[Int64]], zeros: [Int64]) {
            self.initial = initial
            self.zeros = zeros
        }
    }

    /// Every fact's column over `count` days before any line is filled in: its plain
    /// default, or `FactTable.absent`, on every day; empty for a fact without days; and a
    /// column of zeros. Made once per number of days, and shared by every table until it
    /// writes a column (an array copies on write), with one buffer per value: most facts of
    /// a benefit the person does not have are never written at all. Tables used to make
    /// their own on every new table and every kind of line filled again.
    func dayColumns(_ count: Int) -> DayColumns {
        dayColumnsByCount.value(for: count) { count in
            var byValue: [Int64: [Int64]] = [0: Array(repeating: 0, count: count)]
            let initial = facts.indices.map { f -> [Int64] in
                guard facts[f].periodicity == .day else { return [] }
                let value = initialValues[f]
                if let column = byValue[value] { return column }
                let column = Array(repeating: value, count: count)
                byValue[value] = column
                return column
            }
            return DayColumns(initial: initial, zeros: byValue[0]!)
        }
    }

    /// A persona's lines by record kind, in the order of `records`: where each lies in her list.
    public func lines(of persona: Persona) -> PersonaLines {
        let records = persona.records
        // One pass over the lines to count each kind's (a line goes to every kind of its keyword), one to place them.
        var starts = [Int32](repeating: 0, count: self.records.count + 1)
        var order: [Int32] = []
        let (keywordStarts, keywordKinds) = (keywordStarts, keywordKinds)
        records.withUnsafeBufferPointer { lines in
            keywords.withUnsafeBufferPointer { keywords in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: lines.count) { group in
                    for i in lines.indices {
                        group[i] = -1
                        for g in keywords.indices where keywords[g] == lines[i].kind { group[i] = g; break }
                        guard group[i] >= 0 else { continue }
                        for x in keywordStarts[group[i]]..<keywordStarts[group[i] + 1] { starts[keywordKinds[x] + 1] += 1 }
                    }
                    for k in self.records.indices { starts[k + 1] += starts[k] }
                    var next = starts
                    order = [Int32](repeating: 0, count: Int(starts[self.records.count]))
                    for i in lines.indices where group[i] >= 0 {
                        for x in keywordStarts[group[i]]..<keywordStarts[group[i] + 1] {
                            let k = keywordKinds[x]
                            order[Int(next[k])] = Int32(i)
                            next[k] += 1
                        }
                    }
                }
            }
        }
        return PersonaLines(records: records, order: order, starts: starts)
    }

    /// The facts lines of a record kind fill: its value, attributes, start and knowledge.
    public static func factsFilled(by kind: PersonaRecordKind) -> [Int] {
        let k = kind.knowledgeFacts
        return [kind.fact] + kind.attributes.map(\.fact) + [kind.start, k.known, k.reported, k.register, k.daysAhead].compactMap { $0 }
    }

    public init(_ ruleSet: RuleSet) {
        facts = ruleSet.facts
        index = Dictionary(ruleSet.facts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        presenceFacts = ruleSet.sections.compactMap(\.presence)
        records = ruleSet.records
        fills = ruleSet.records.map { RecordFill($0, facts: ruleSet.facts) }
        var byKeyword: [(keyword: String, kinds: [Int])] = []
        for (k, kind) in ruleSet.records.enumerated() {
            if let i = byKeyword.firstIndex(where: { $0.keyword == kind.keyword }) { byKeyword[i].kinds.append(k) } else { byKeyword.append((kind.keyword, [k])) }
        }
        keywords = byKeyword.map(\.keyword)
        keywordKinds = byKeyword.flatMap(\.kinds)
        var starts = [0]
        for group in byKeyword { starts.append(starts[starts.count - 1] + group.kinds.count) }
        keywordStarts = starts
        var defaults: [Int: Int64] = [:]
        for (i, f) in ruleSet.facts.enumerated() {
            if let d = f.defaultValue, case .constant(let v) = d.node { defaults[i] = v }
        }
        constantDefaults = defaults
        initialValues = ruleSet.facts.indices.map { defaults[$0] ?? FactTable.absent }
        var row = 0
        monthlyRows = ruleSet.facts.map { f in
            guard f.periodicity == .month else { return -1 }
            defer { row += 1 }
            return row
        }
        eventFacts = ruleSet.facts.indices.filter { !ruleSet.facts[$0].events.isEmpty }.map { ($0, Set(ruleSet.facts[$0].events)) }
        blockFields = ruleSet.sections.filter { $0.keyword != PersonaSection.header }.map { ($0.keyword, $0.fields.map(\.fact)) }
        var filled = Set<Int>(), own = true
        let otherwise = Set(BuiltinFact.allCases.map(\.index) + presenceFacts + blockFields.flatMap(\.fields) + eventFacts.map(\.fact))
        for kind in ruleSet.records {
            for f in FactLayout.factsFilled(by: kind) {
                if !filled.insert(f).inserted || otherwise.contains(f) { own = false }
            }
        }
        kindsFillTheirOwnFacts = own
        let byKind = ruleSet.records.map { FactLayout.factsFilled(by: $0) }, facts = self.facts
        filledByKind = byKind
        fillsOnlyMonths = byKind.map { $0.allSatisfy { facts[$0].periodicity != .day } }
    }
}

/// What filling a fact table reads of a record kind, behind one reference: a
/// kind taken for every kind filled of every lane's table counted its names and lists.
final class RecordFill: Sendable {
    let shape: PersonaRecordKind.Shape
    let fact: Int
    let start: Int?
    let knowledge: PersonaRecordKind.KnowledgeFacts
    /// The attributes' facts, with the names a line gives them by and whether each is a flag.
    let attributes: [(fact: Int, name: String, isFlag: Bool)]

    init(_ kind: PersonaRecordKind, facts: [FactDeclaration]) {
        shape = kind.shape
        fact = kind.fact
        start = kind.start
        knowledge = kind.knowledgeFacts
        attributes = kind.attributes.map { ($0.fact, facts[$0.fact].name, $0.isFlag) }
    }
}
