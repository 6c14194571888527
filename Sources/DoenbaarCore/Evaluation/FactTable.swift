/// A persona's facts laid out as arrays over an evaluation range, as the
/// agency knew them on one decision date. Rules read these by index; the
/// timeline is not consulted again while evaluating. Which fact a persona
/// line fills comes from the rule files (`onderdeel`, `opgave`), through the
/// plan's `FactLayout`.
///
/// A class, written only while it is made (`init`, `known(at:)`) and read-only
/// once handed out: a view passes its lanes' tables around many times per fact
/// and lane, and a struct of four arrays counted four references each time.
public final class FactTable: @unchecked Sendable {
    /// Marks a fact that has no value (the persona did not give it, or not on
    /// that day); reading it uses the fact's default or is an evaluation error.
    public static let absent = Int64.min
    /// A fact of a block (`onderdeel`) the persona does not have: no value,
    /// and its default does not apply either (a WW claim's choices without a claim).
    public static let outsideBlock = Int64.min + 1

    public let range: EvaluationRange
    // Written only while the table is made, on one thread: no access is checked at run time.
    @exclusivity(unchecked) public private(set) var knownAt: CivilDate
    @exclusivity(unchecked) private(set) var constants: [Int64]               // by fact index
    @exclusivity(unchecked) private(set) var daily: [[Int64]]                 // by fact index, then day offset (empty when not daily)
    @exclusivity(unchecked) private(set) var monthly: MonthColumns            // by fact index and month offset, in one buffer
    /// The daily columns before any line, and a column of zeros, over the range's days (shared by every table).
    private let unfilled: FactLayout.DayColumns

    /// - Parameters:
    ///   - calendar: a table over the same range whose calendar columns (date,
    ///     weekday, holiday) can be reused as they are, and its ages too when it
    ///     is of someone born on the same day.
    ///   - lines: the persona's lines by record kind (`FactLayout.lines(of:)`), when already sorted out.
    public init(persona: Persona, layout: FactLayout, range: EvaluationRange, knownAt: CivilDate, calendar: FactTable? = nil,
                lines: [[PersonaRecord]]? = nil) {
        self.range = range
        self.knownAt = knownAt
        let facts = layout.facts
        // A default that is a plain value is written into the table, so a trace shows it.
        let initial = layout.initialValues
        constants = initial
        unfilled = layout.dayColumns(range.dayCount)
        daily = unfilled.initial
        monthly = MonthColumns(rows: layout.monthlyRows, months: range.monthCount, initial: initial)
        fillConstants(persona, layout)
        if let calendar, calendar.range == range {
            for f in BuiltinFact.allCases where facts[f.index].periodicity == .day { daily[f.index] = calendar.daily[f.index] }
            // Another person's calendar: the same days, another age.
            if calendar.constants[BuiltinFact.birthDate.index] != constants[BuiltinFact.birthDate.index] { fillAge(persona) }
        } else {
            fillCalendar(persona)
        }
        fillEvents(persona, layout)
        let byKind = lines ?? layout.lines(of: persona)
        for (k, kind) in layout.fills.enumerated() {
            let lines = byKind[k]
            switch kind.shape {
            case .month: fillMonths(lines, kind)
            case .from: fillEstimates(lines, kind)
            case .period: fillPeriods(lines, kind)
            }
        }
    }

    /// A copy to fill again for another decision date: the arrays are shared until written.
    private init(copying other: FactTable, knownAt: CivilDate) {
        range = other.range
        self.knownAt = knownAt
        constants = other.constants
        daily = other.daily
        monthly = other.monthly
        unfilled = other.unfilled
    }

    private static func bool(_ b: Bool) -> Int64 { b ? 1 : 0 }

    /// A calendar fact on a day: the same for everyone, persona or not (nil for a fact of a person).
    static func calendar(_ fact: BuiltinFact, on day: CivilDate) -> Int64? {
        switch fact {
        case .referenceDate: Int64(day.dayNumber)
        case .weekday: bool(!day.isWeekend)
        case .publicHoliday: bool(Holidays.isPublicHoliday(day))
        case .birthDate, .decisionDate, .age: nil
        }
    }

    private func fillConstants(_ p: Persona, _ layout: FactLayout) {
        constants[BuiltinFact.birthDate.index] = Int64(p.birthDate.dayNumber)
        // The decision date is the view's, the same for every lane (`LaneFacts.decisionDay`): not kept here.
        // A block the persona does not have: its presence fact is nee, its fields have no value.
        for presence in layout.presenceFacts { constants[presence] = 0 }
        for (block, fields) in layout.blockFields where p.sections[block] == nil {
            for f in fields { constants[f] = FactTable.outsideBlock }
        }
        for (name, value) in p.values { if let i = layout.index[name] { constants[i] = value } }
    }

    /// The age column alone, from the birth date.
    private func fillAge(_ p: Persona) {
        let birth = p.birthDate.components
        var (y, m, d) = range.date(ofDay: 0).components
        for offset in 0..<range.dayCount {
            var years = y - birth.year
            if (m, d) < (birth.month, birth.day) { years -= 1 }
            daily[BuiltinFact.age.index][offset] = Fixed(integer: max(0, years)).raw
            d += 1
            if d > CivilDate.daysIn(year: y, month: m) { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
        }
    }

    /// The columns that depend only on the calendar (shared, `CalendarColumns`) and the birth date.
    private func fillCalendar(_ p: Persona) {
        let calendar = CalendarColumns.shared.columns(for: range)
        daily[BuiltinFact.referenceDate.index] = calendar.date
        daily[BuiltinFact.weekday.index] = calendar.weekday
        daily[BuiltinFact.publicHoliday.index] = calendar.holiday
        fillAge(p)
    }

    /// Facts from life events: on each day the date of the latest event of their kinds
    /// up to that day. What happened is no report: it has no knowledge date.
    private func fillEvents(_ p: Persona, _ layout: FactLayout) {
        for (fact, kinds) in layout.eventFacts {
            for e in p.events.sorted(by: { $0.date < $1.date }) where kinds.contains(e.kind) {
                let first = max(0, range.offset(of: e.date))
                guard first < range.dayCount else { continue }
                for d in first..<range.dayCount { daily[fact][d] = Int64(e.date.dayNumber) }
            }
        }
    }

    /// Knowledge facts are always defined: nee where no line was known.
    private func clearKnowledge(_ kind: RecordFill) {
        let k = kind.knowledge
        guard kind.shape == .period else {
            for case let f? in [k.known, k.reported, k.register] { monthly.fill(f, with: 0) }
            return
        }
        // The shared column of zeros, until one is written: most kinds of periods have no line
        // in most lanes, and a column made for each knowledge fact of each was most of a new table's work.
        for case let f? in [k.known, k.reported, k.register] { daily[f] = unfilled.zeros }
    }

    /// One value per month: the sum of the month's lines the agency knew by the
    /// decision date (a month may hold a line per period of paid work that earned
    /// part of it, `bij`, and one for the rest). A month of which it knew no line
    /// has none. Reported or in a register: every line it knew was.
    ///
    /// With `only`, just the months flagged there, which the caller cleared
    /// (`clear(kind:months:)`): each month is filled from its own lines alone.
    private func fillMonths(_ lines: [PersonaRecord], _ kind: RecordFill, only: [Bool]? = nil) {
        if only == nil { clearKnowledge(kind) }
        let k = kind.knowledge
        // The months a line was written in already: on the stack, as this runs for every lane a view learns something of.
        // A line's fields read where it lies (through the buffer): a line taken from the list for a
        // call was copied whole first, its strings and attributes counted, for every line, lane and view.
        lines.withUnsafeBufferPointer { lines in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: range.monthCount) { seen in
                seen.initialize(repeating: false)
                for i in lines.indices where lines[i].knowledge.isKnown(on: knownAt) {
                    let m = range.monthOffset(lines[i].from.yearMonth)
                    guard m >= 0, m < range.monthCount, only?[m] ?? true else { continue }
                    let reported = FactTable.bool(lines[i].knowledge.reported.map { $0 <= knownAt } ?? false)
                    let inRegister = FactTable.bool(lines[i].knowledge.register.map { $0 <= knownAt } ?? false)
                    if seen[m] {
                        // Each amount has at most 12 digits before the comma; only dozens of lines
                        // in one month could pass Int64, and then the sum stays at its largest value.
                        let (sum, overflow) = monthly[kind.fact, m].addingReportingOverflow(lines[i].value)
                        monthly[kind.fact, m] = overflow ? Int64.max : sum
                        if let f = k.reported { monthly[f, m] = min(monthly[f, m], reported) }
                        if let f = k.register { monthly[f, m] = min(monthly[f, m], inRegister) }
                        continue
                    }
                    seen[m] = true
                    monthly[kind.fact, m] = lines[i].value
                    // A kind with attributes has one line per month (Checker+Earnings).
                    for a in kind.attributes { monthly[a.fact, m] = lines[i].attributes[a.name] ?? (a.isFlag ? 0 : FactTable.absent) }
                    if let f = k.known { monthly[f, m] = 1 }
                    if let f = k.reported { monthly[f, m] = reported }
                    if let f = k.register { monthly[f, m] = inRegister }
                }
            }
        }
    }

    /// The latest line that covers the month and was known by the decision date.
    private func fillEstimates(_ lines: [PersonaRecord], _ kind: RecordFill) {
        clearKnowledge(kind)
        // By index: a line taken from the list was copied whole, its names and attributes counted.
        for m in 0..<range.monthCount {
            let month = range.month(m)
            guard let i = lines.lastIndex(where: { $0.month <= month && $0.knowledge.isKnown(on: knownAt) }) else { continue }
            monthly[kind.fact, m] = lines[i].value
            if let f = kind.knowledge.known { monthly[f, m] = 1 }
        }
    }

    /// Only periods the agency knew of on the decision date exist in this view.
    private func fillPeriods(_ lines: [PersonaRecord], _ kind: RecordFill) {
        let n = range.dayCount
        daily[kind.fact] = unfilled.zeros
        clearKnowledge(kind)
        let k = kind.knowledge
        for i in lines.indices where lines[i].knowledge.isKnown(on: knownAt) {
            let first = max(0, range.offset(of: lines[i].from)), last = min(n - 1, range.offset(of: lines[i].through))
            guard first <= last else { continue }
            let wasReported = lines[i].knowledge.reported.map { $0 <= knownAt } ?? false
            let inRegister = FactTable.bool(lines[i].knowledge.register.map { $0 <= knownAt } ?? false)
            let attributes = kind.attributes.map { a in (a.fact, lines[i].attributes[a.name] ?? (a.isFlag ? 0 : FactTable.absent)) }
            let ahead = wasReported ? lines[i].knowledge.reported.map { Fixed(integer: Int(lines[i].from.dayNumber - $0.dayNumber)).raw } : nil
            for offset in first...last {
                daily[kind.fact][offset] = 1
                if let s = kind.start { daily[s][offset] = Int64(lines[i].from.dayNumber) }
                for (fact, value) in attributes { daily[fact][offset] = value }
                if let f = k.known { daily[f][offset] = 1 }
                if let f = k.reported { daily[f][offset] = FactTable.bool(wasReported) }
                if let f = k.register { daily[f][offset] = inRegister }
                if let f = k.daysAhead, let ahead { daily[f][offset] = ahead }
            }
        }
    }

    /// The first month in which this table and another of the same persona
    /// differ (the decision date aside), over the months both ranges hold;
    /// at most the shorter month count. A rule reads facts of its own period
    /// and of earlier periods only, so every value before that month is the
    /// same in both.
    func firstDifferingMonth(from other: FactTable) -> Int {
        guard range.firstMonth == other.range.firstMonth else { return 0 }
        for i in constants.indices where constants[i] != other.constants[i] { return 0 }
        var first = min(range.monthCount, other.range.monthCount)
        first = monthly.firstDifference(from: other.monthly, below: first)
        let dayLimit = first == 0 ? 0 : range.days(ofMonth: first - 1).upperBound
        var firstDay = dayLimit
        for (mine, theirs) in zip(daily, other.daily) where !mine.isEmpty {
            firstDay = FactTable.firstDifference(mine, theirs, below: firstDay)
        }
        return firstDay < dayLimit ? range.monthOffset(range.date(ofDay: firstDay).yearMonth) : first
    }

    /// Lowers each fact's month in `months` (by fact index) to the first month in which
    /// that fact differs between this table and another of the same persona (of a range
    /// that starts in the same month). A fact whose month is `floor` or less is not
    /// looked at: the months of all facts together are known to agree below it.
    func lowerFirstDifferingMonths(of facts: [Int], from other: FactTable, into months: inout [Int], floor: Int) {
        guard range.firstMonth == other.range.firstMonth else {
            for f in facts { months[f] = 0 }
            return
        }
        let limit = min(range.monthCount, other.range.monthCount)
        for f in facts where months[f] > floor {
            if constants[f] != other.constants[f] { months[f] = 0; continue }
            var first = min(months[f], limit)
            if monthly.has(f) { first = monthly.firstDifference(of: f, from: other.monthly, below: first) }
            if !daily[f].isEmpty, first > 0 {
                let dayLimit = range.days(ofMonth: first - 1).upperBound
                let day = FactTable.firstDifference(daily[f], other.daily[f], below: dayLimit)
                if day < dayLimit { first = range.monthOffset(range.date(ofDay: day).yearMonth) }
            }
            months[f] = first
        }
    }

    /// The first index below `limit` where two columns differ, else `limit`. A
    /// column shared between tables (the calendar) is one buffer, compared at once.
    private static func firstDifference(_ a: [Int64], _ b: [Int64], below limit: Int) -> Int {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                if x.baseAddress == y.baseAddress { return limit }
                for k in 0..<limit where x[k] != y[k] { return k }
                return limit
            }
        }
    }

    /// The table of the same persona on another decision date, derived from
    /// this one: only the record kinds of which a line became known (or
    /// reported, or registered) between the two dates are filled again. The
    /// other columns stay the same buffers, so comparing them costs nothing.
    func known(at day: CivilDate, persona: Persona, layout: FactLayout, lines: [[PersonaRecord]]? = nil) -> FactTable {
        var refilled: [Bool] = []
        return known(at: day, persona: persona, layout: layout, lines: lines, refilled: &refilled)
    }

    /// The same, marking in `refilled` (per record kind, when it has one entry per kind)
    /// each kind filled again: where kinds fill their own facts, no fact of another kind
    /// differs between the two tables (where they do not, the table is made afresh).
    /// The persona is taken only where it is needed (no `lines`, or kinds that do not fill
    /// their own facts): a view asks this of every lane that learnt something, and took a
    /// copy of the persona (every list in it counted) each time.
    func known(at day: CivilDate, persona: @autoclosure () -> Persona, layout: FactLayout, lines: [[PersonaRecord]]?,
               refilled: inout [Bool]) -> FactTable {
        let byKind = lines ?? layout.lines(of: persona())
        let marking = refilled.count == layout.records.count
        guard layout.kindsFillTheirOwnFacts else {
            return FactTable(persona: persona(), layout: layout, range: range, knownAt: day, calendar: self, lines: byKind)
        }
        let table = FactTable(copying: self, knownAt: day)
        let (early, late) = (min(knownAt, day), max(knownAt, day))
        for k in layout.records.indices {
            // The kind itself is taken (and its names and lists counted) only to fill it again:
            // most kinds learn nothing new in most views.
            let lines = byKind[k], shape = layout.fills[k].shape
            // A kind of one line per month (income) whose facts have no days: only the months of the lines that changed.
            if shape == .month, layout.fillsOnlyMonths[k] {
                guard let months = table.monthsOf(lines, changingAfter: early, through: late) else { continue }
                if marking { refilled[k] = true }
                table.clear(kind: k, months: months, layout)
                table.fillMonths(lines, layout.fills[k], only: months)
                continue
            }
            guard lines.withUnsafeBufferPointer({ l in l.indices.contains { l[$0].knowledge.changes(after: early, through: late) } }) else { continue }
            if marking { refilled[k] = true }
            table.clear(kind: k, layout)
            let kind = layout.fills[k]
            switch shape {
            case .month: table.fillMonths(lines, kind)
            case .from: table.fillEstimates(lines, kind)
            case .period: table.fillPeriods(lines, kind)
            }
        }
        return table
    }

    /// Per month of the range, whether one of `lines` in it became known, reported or
    /// registered between the two dates; nil where none did (most kinds, most views:
    /// then nothing is allocated).
    private func monthsOf(_ lines: [PersonaRecord], changingAfter early: CivilDate, through late: CivilDate) -> [Bool]? {
        var months: [Bool]? = nil
        lines.withUnsafeBufferPointer { lines in
            for i in lines.indices where lines[i].knowledge.changes(after: early, through: late) {
                if months == nil { months = Array(repeating: false, count: range.monthCount) }
                let m = range.monthOffset(lines[i].from.yearMonth)
                if m >= 0 && m < range.monthCount { months![m] = true }
            }
        }
        return months
    }

    /// The months flagged of every column a kind of lines per month fills, back to their
    /// value before any line: as `clear(kind:)` and `clearKnowledge` leave them.
    private func clear(kind k: Int, months: [Bool], _ layout: FactLayout) {
        let knowledge = layout.fills[k].knowledge
        for f in layout.filledByKind[k] where monthly.has(f) {
            let value = f == knowledge.known || f == knowledge.reported || f == knowledge.register ? 0 : layout.initialValues[f]
            for m in 0..<range.monthCount where months[m] { monthly[f, m] = value }
        }
    }

    /// Every column a record kind fills, back to its value before any line.
    private func clear(kind k: Int, _ layout: FactLayout) {
        let days = unfilled.initial
        for f in layout.filledByKind[k] {
            if !daily[f].isEmpty { daily[f] = days[f] }
            if monthly.has(f) { monthly.fill(f, with: layout.initialValues[f]) }
        }
    }
}

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
    /// The record kinds by keyword: each keyword once, with the kinds it fills (in the order of
    /// `records`). A list, looked through by keyword: a rule set has a few, and a line's keyword
    /// compared with them costs less than hashing it (every run sorts its persona's lines out).
    private let kindsByKeyword: [(keyword: String, kinds: [Int])]
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

    /// The columns a table over some number of days starts from: every fact's before any line,
    /// and one of zeros, which a period's facts start from when it is filled.
    struct DayColumns: Sendable {
        let initial: [[Int64]]
        let zeros: [Int64]
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

    /// A persona's lines by record kind, in the order of `records`.
    public func lines(of persona: Persona) -> [[PersonaRecord]] {
        // One pass over the lines, each to the kinds of its keyword; a pass per kind took each
        // kind whole for its keyword.
        var byKind = [[PersonaRecord]](repeating: [], count: records.count)
        persona.records.withUnsafeBufferPointer { lines in
            for i in lines.indices {
                guard let kinds = kindsByKeyword.first(where: { $0.keyword == lines[i].kind })?.kinds else { continue }
                for k in kinds { byKind[k].append(lines[i]) }
            }
        }
        return byKind
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
        kindsByKeyword = byKeyword
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

/// The days and months one evaluation covers. It starts on 1 January of the
/// first month's year, so running totals within a calendar year are complete.
public struct EvaluationRange: Sendable, Hashable {
    public let firstMonth: YearMonth      // first reported month
    public let lastMonth: YearMonth
    public let firstDay: CivilDate        // 1 January of firstMonth's year
    public let startMonth: YearMonth      // January of firstMonth's year

    public init(from: YearMonth, to: YearMonth) {
        firstMonth = from
        lastMonth = max(from, to)
        startMonth = YearMonth(year: from.year, month: 1)
        firstDay = startMonth.first
    }

    public var dayCount: Int { Int(lastMonth.last.dayNumber - firstDay.dayNumber) + 1 }
    public var monthCount: Int { lastMonth.index - startMonth.index + 1 }
    public func date(ofDay offset: Int) -> CivilDate { firstDay.adding(days: offset) }
    public func offset(of date: CivilDate) -> Int { Int(date.dayNumber - firstDay.dayNumber) }
    public func month(_ offset: Int) -> YearMonth { YearMonth(index: startMonth.index + offset) }
    public func monthOffset(_ month: YearMonth) -> Int { month.index - startMonth.index }
    /// Day offsets of a month, by month offset.
    public func days(ofMonth m: Int) -> Range<Int> {
        let month = self.month(m)
        let first = offset(of: month.first)
        return first..<(first + month.dayCount)
    }
    /// The day a period offset stands for: a month's first day, or the day itself.
    public func firstDay(ofPeriod p: Int, _ periodicity: Periodicity) -> CivilDate {
        periodicity == .month ? month(p).first : date(ofDay: p)
    }
    /// The day number of a day offset, without a calendar conversion.
    @inline(__always) public func dayNumber(ofDay d: Int) -> Int32 { firstDay.dayNumber + Int32(d) }
    /// The day number of the first day of every month offset.
    public var firstDayOfEachMonth: [Int32] { (0..<monthCount).map { month($0).first.dayNumber } }
    /// The month offset of every day offset.
    public var monthOfEachDay: [Int] {
        var months = [Int](repeating: 0, count: dayCount)
        for m in 0..<monthCount { for d in days(ofMonth: m) { months[d] = m } }
        return months
    }
    /// Whether a running total of the calendar year starts on this day offset
    /// (the first day computed, or 1 January).
    public func startsYear(_ d: Int) -> Bool {
        let date = self.date(ofDay: d)
        return d == 0 || (date.month == 1 && date.day == 1)
    }
    /// Months that are reported (from `firstMonth` on), as offsets.
    public var reportedMonths: ClosedRange<Int> { monthOffset(firstMonth)...monthOffset(lastMonth) }
}

/// The facts with months of one table, fact after fact in one buffer: a table
/// derived from another (`FactTable.known(at:)`) copies the buffer once when it
/// first writes, instead of holding and copying a reference per fact.
struct MonthColumns: Sendable, Equatable {
    private(set) var cells: [Int64]
    let months: Int
    /// Per fact: its row, or -1 for a fact without months (`FactLayout.monthlyRows`).
    let rows: [Int]

    init(rows: [Int], months: Int, initial: [Int64]) {
        self.rows = rows
        self.months = months
        cells = []
        cells.reserveCapacity((rows.max() ?? -1) * months + months)
        for (f, r) in rows.enumerated() where r >= 0 { cells += repeatElement(initial[f], count: months) }
    }

    /// Whether a fact has months (and so a row here).
    @inline(__always) func has(_ f: Int) -> Bool { rows[f] >= 0 }

    subscript(f: Int, m: Int) -> Int64 {
        get { cells[rows[f] * months + m] }
        set { cells[rows[f] * months + m] = newValue }
    }

    /// A fact's values, month by month.
    func row(_ f: Int) -> ArraySlice<Int64> { cells[(rows[f] * months)..<(rows[f] * months + months)] }

    mutating func fill(_ f: Int, with value: Int64) {
        let start = rows[f] * months
        for m in start..<(start + months) { cells[m] = value }
    }

    /// The first month below `limit` in which fact f differs from another table's
    /// (of a range that starts in the same month), else `limit`.
    func firstDifference(of f: Int, from other: MonthColumns, below limit: Int) -> Int {
        cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                if mine.baseAddress == theirs.baseAddress && months == other.months { return limit }
                let a = rows[f] * months, b = other.rows[f] * other.months
                for m in 0..<limit where mine[a + m] != theirs[b + m] { return m }
                return limit
            }
        }
    }

    /// The first month below `limit` in which some fact differs from another
    /// table's (of a range that starts in the same month), else `limit`. A buffer
    /// shared with the other table is compared at once.
    func firstDifference(from other: MonthColumns, below limit: Int) -> Int {
        cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                if mine.baseAddress == theirs.baseAddress && months == other.months { return limit }
                var first = limit
                for r in 0..<(months == 0 ? 0 : mine.count / months) {
                    let a = r * months, b = r * other.months
                    for m in 0..<first where mine[a + m] != theirs[b + m] { first = m; break }
                }
                return first
            }
        }
    }
}
