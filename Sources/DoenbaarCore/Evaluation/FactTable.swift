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
                lines: PersonaLines? = nil) {
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
            fillCalendar(persona, layout)
        }
        fillEvents(persona, layout)
        let byKind = lines ?? layout.lines(of: persona)
        for (k, kind) in layout.fills.enumerated() {
            switch kind.shape {
            case .month: fillMonths(byKind, k, kind)
            case .from: fillEstimates(byKind, k, kind)
            case .period: fillPeriods(byKind, k, kind)
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
        // Written in place: through the list, each write checked that the table owned it.
        constants.withUnsafeMutableBufferPointer { constants in
            constants[BuiltinFact.birthDate.index] = Int64(p.birthDate.dayNumber)
            // The decision date is the view's, the same for every lane (`LaneFacts.decisionDay`): not kept here.
            // A block the persona does not have: its presence fact is nee, its fields have no value.
            for presence in layout.presenceFacts { constants[presence] = 0 }
            for (block, fields) in layout.blockFields where p.sections[block] == nil {
                for f in fields { constants[f] = FactTable.outsideBlock }
            }
            for (name, value) in p.values { if let i = layout.index[name] { constants[i] = value } }
        }
    }

    /// The age column alone, from the birth date.
    private func fillAge(_ p: Persona) {
        let birth = p.birthDate.components
        var (y, m, d) = range.date(ofDay: 0).components
        // Written in place: through the list of columns, each day's write checked that the table owned both.
        daily[BuiltinFact.age.index].withUnsafeMutableBufferPointer { age in
            for offset in 0..<age.count {
                var years = y - birth.year
                if (m, d) < (birth.month, birth.day) { years -= 1 }
                age[offset] = Fixed(integer: max(0, years)).raw
                d += 1
                if d > CivilDate.daysIn(year: y, month: m) { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
            }
        }
    }

    /// The columns that depend only on the calendar (shared, `CalendarColumns`) and the birth date.
    private func fillCalendar(_ p: Persona, _ layout: FactLayout) {
        let calendar = layout.calendar.columns(for: range)
        daily[BuiltinFact.referenceDate.index] = calendar.date
        daily[BuiltinFact.weekday.index] = calendar.weekday
        daily[BuiltinFact.publicHoliday.index] = calendar.holiday
        fillAge(p)
    }

    /// Facts from life events: on each day the date of the latest event of their kinds
    /// up to that day. What happened is no report: it has no knowledge date.
    private func fillEvents(_ p: Persona, _ layout: FactLayout) {
        guard !layout.eventFacts.isEmpty && !p.events.isEmpty else { return }
        // In date order, sorted once (not once per fact); each column written in place (through the
        // list of columns, every day's write checked that the table owned both).
        let events = p.events.sorted { $0.date < $1.date }, range = range
        for (fact, kinds) in layout.eventFacts {
            daily[fact].withUnsafeMutableBufferPointer { column in
                for e in events where kinds.contains(e.kind) {
                    let first = max(0, range.offset(of: e.date))
                    guard first < range.dayCount else { continue }
                    for d in first..<range.dayCount { column[d] = Int64(e.date.dayNumber) }
                }
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
    private func fillMonths(_ byKind: PersonaLines, _ kindIndex: Int, _ kind: RecordFill, only: UnsafeBufferPointer<Bool>? = nil) {
        if only == nil { clearKnowledge(kind) }
        let k = kind.knowledge
        // The months a line was written in already: on the stack, as this runs for every lane a view learns something of.
        // A line's fields read where it lies (through the buffer): a line taken from the list for a
        // call was copied whole first, its strings and attributes counted, for every line, lane and view.
        // Where each fact's months begin among the table's cells, written in place (the table's
        // columns not held meanwhile: they would be copied to be written).
        let (range, knownAt) = (range, knownAt)
        let value = monthly.start(of: kind.fact), known = k.known.map(monthly.start(of:))
        let reportedAt = k.reported.map(monthly.start(of:)), registerAt = k.register.map(monthly.start(of:))
        let attributes = kind.attributes.map { (start: monthly.start(of: $0.fact), name: $0.name, isFlag: $0.isFlag) }
        monthly.withCells { cells in
            byKind.withLines(of: kindIndex) { lines, places in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: range.monthCount) { seen in
                    seen.initialize(repeating: false)
                    for place in places {
                        let i = Int(place)
                        guard lines[i].knowledge.isKnown(on: knownAt) else { continue }
                        let m = range.monthOffset(lines[i].from.yearMonth)
                        guard m >= 0, m < range.monthCount, only?[m] ?? true else { continue }
                        let reported = FactTable.bool(lines[i].knowledge.reported.map { $0 <= knownAt } ?? false)
                        let inRegister = FactTable.bool(lines[i].knowledge.register.map { $0 <= knownAt } ?? false)
                        if seen[m] {
                            // Each amount has at most 12 digits before the comma; only dozens of lines
                            // in one month could pass Int64, and then the sum stays at its largest value.
                            let (sum, overflow) = cells[value + m].addingReportingOverflow(lines[i].value)
                            cells[value + m] = overflow ? Int64.max : sum
                            if let r = reportedAt { cells[r + m] = min(cells[r + m], reported) }
                            if let r = registerAt { cells[r + m] = min(cells[r + m], inRegister) }
                            continue
                        }
                        seen[m] = true
                        cells[value + m] = lines[i].value
                        // A kind with attributes has one line per month (Checker+Earnings).
                        for a in attributes { cells[a.start + m] = lines[i].attributes[a.name] ?? (a.isFlag ? 0 : FactTable.absent) }
                        if let r = known { cells[r + m] = 1 }
                        if let r = reportedAt { cells[r + m] = reported }
                        if let r = registerAt { cells[r + m] = inRegister }
                    }
                }
            }
        }
    }

    /// The latest line that covers the month and was known by the decision date.
    private func fillEstimates(_ byKind: PersonaLines, _ kindIndex: Int, _ kind: RecordFill) {
        clearKnowledge(kind)
        // By index, read where the lines lie: a line taken from the list (as `lastIndex(where:)`
        // hands each to its test) was copied whole, its names and attributes counted.
        let (range, knownAt) = (range, knownAt)
        let value = monthly.start(of: kind.fact), known = kind.knowledge.known.map(monthly.start(of:))
        monthly.withCells { cells in
            byKind.withLines(of: kindIndex) { l, places in
                for m in 0..<range.monthCount {
                    let month = range.month(m)
                    var j = places.count - 1
                    while j >= 0 && !(l[Int(places[j])].from.yearMonth <= month && l[Int(places[j])].knowledge.isKnown(on: knownAt)) { j -= 1 }
                    guard j >= 0 else { continue }
                    cells[value + m] = l[Int(places[j])].value
                    if let r = known { cells[r + m] = 1 }
                }
            }
        }
    }

    /// Only periods the agency knew of on the decision date exist in this view.
    private func fillPeriods(_ byKind: PersonaLines, _ kindIndex: Int, _ kind: RecordFill) {
        let n = range.dayCount
        daily[kind.fact] = unfilled.zeros
        clearKnowledge(kind)
        let k = kind.knowledge
        byKind.withLines(of: kindIndex) { lines, places in
            for place in places {
                let i = Int(place)
                guard lines[i].knowledge.isKnown(on: knownAt) else { continue }
                let first = max(0, range.offset(of: lines[i].from)), last = min(n - 1, range.offset(of: lines[i].through))
                guard first <= last else { continue }
                let wasReported = lines[i].knowledge.reported.map { $0 <= knownAt } ?? false
                let inRegister = FactTable.bool(lines[i].knowledge.register.map { $0 <= knownAt } ?? false)
                let attributes = kind.attributes.map { a in (a.fact, lines[i].attributes[a.name] ?? (a.isFlag ? 0 : FactTable.absent)) }
                let ahead = wasReported ? lines[i].knowledge.reported.map { Fixed(integer: Int(lines[i].from.dayNumber - $0.dayNumber)).raw } : nil
                    // Column by column over the line's days, each written in place (through the list of
                // columns, every fact's write on every day checked that the table owned both).
                let days = first...last
                fillDays(kind.fact, days, with: 1)
                if let s = kind.start { fillDays(s, days, with: Int64(lines[i].from.dayNumber)) }
                for (fact, value) in attributes { fillDays(fact, days, with: value) }
                if let f = k.known { fillDays(f, days, with: 1) }
                if let f = k.reported { fillDays(f, days, with: FactTable.bool(wasReported)) }
                if let f = k.register { fillDays(f, days, with: inRegister) }
                if let f = k.daysAhead, let ahead { fillDays(f, days, with: ahead) }
            }
        }
    }

    /// A fact's value on some days, written in place.
    private func fillDays(_ f: Int, _ days: ClosedRange<Int>, with value: Int64) {
        daily[f].withUnsafeMutableBufferPointer { column in
            for d in days { column[d] = value }
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
    func known(at day: CivilDate, persona: Persona, layout: FactLayout, lines: PersonaLines? = nil) -> FactTable {
        var refilled: [Bool] = []
        return known(at: day, persona: persona, layout: layout, lines: lines, refilled: &refilled)
    }

    /// The same, marking in `refilled` (per record kind, when it has one entry per kind)
    /// each kind filled again: where kinds fill their own facts, no fact of another kind
    /// differs between the two tables (where they do not, the table is made afresh).
    /// The persona is taken only where it is needed (no `lines`, or kinds that do not fill
    /// their own facts): a view asks this of every lane that learnt something, and took a
    /// copy of the persona (every list in it counted) each time.
    func known(at day: CivilDate, persona: @autoclosure () -> Persona, layout: FactLayout, lines: PersonaLines?,
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
            let shape = layout.fills[k].shape
            // A kind of one line per month (income) whose facts have no days: only the months of the lines that changed.
            // The months flagged on the stack: this runs for every kind of every lane a view learns something of.
            if shape == .month, layout.fillsOnlyMonths[k] {
                let changed = withUnsafeTemporaryAllocation(of: Bool.self, capacity: range.monthCount) { buffer -> Bool in
                    let months = UnsafeBufferPointer(buffer)
                    guard table.flagMonths(of: byKind, k, changingAfter: early, through: late, in: buffer) else { return false }
                    table.clear(kind: k, months: months, layout)
                    table.fillMonths(byKind, k, layout.fills[k], only: months)
                    return true
                }
                if changed, marking { refilled[k] = true }
                continue
            }
            guard byKind.withLines(of: k, { l, places in places.contains { l[Int($0)].knowledge.changes(after: early, through: late) } }) else { continue }
            if marking { refilled[k] = true }
            table.clear(kind: k, layout)
            let kind = layout.fills[k]
            switch shape {
            case .month: table.fillMonths(byKind, k, kind)
            case .from: table.fillEstimates(byKind, k, kind)
            case .period: table.fillPeriods(byKind, k, kind)
            }
        }
        return table
    }

    /// Flags in `months` (one per month of the range) each month in which one of the lines of kind k
    /// became known, reported or registered between the two dates; whether one did (most kinds, most views: none).
    private func flagMonths(of byKind: PersonaLines, _ k: Int, changingAfter early: CivilDate, through late: CivilDate,
                            in months: UnsafeMutableBufferPointer<Bool>) -> Bool {
        months.initialize(repeating: false)
        var any = false
        byKind.withLines(of: k) { lines, places in
            for place in places where lines[Int(place)].knowledge.changes(after: early, through: late) {
                let i = Int(place)
                any = true
                let m = range.monthOffset(lines[i].from.yearMonth)
                if m >= 0 && m < range.monthCount { months[m] = true }
            }
        }
        return any
    }

    /// The months flagged of every column a kind of lines per month fills, back to their
    /// value before any line: as `clear(kind:)` and `clearKnowledge` leave them.
    private func clear(kind k: Int, months: UnsafeBufferPointer<Bool>, _ layout: FactLayout) {
        let knowledge = layout.fills[k].knowledge, monthCount = range.monthCount, rows = monthly.rows
        monthly.withCells { cells in
            for f in layout.filledByKind[k] where rows[f] >= 0 {
                let value = f == knowledge.known || f == knowledge.reported || f == knowledge.register ? 0 : layout.initialValues[f]
                let start = rows[f] * monthCount
                for m in 0..<monthCount where months[m] { cells[start + m] = value }
            }
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
