/// A synthetic person: who they are, their benefits, their timeline of facts,
/// their doenvermogen, and how many real people they stand for. Each fact
/// carries two times: when it happened and when the agency knew it.
public struct Persona: Sendable {
    /// The parts, behind one reference that is copied before a write where it is shared
    /// (copy on write): a persona is handed from generator to analysis to every run and
    /// its requests, and a struct of a dozen lists and dictionaries counted each of them
    /// on every copy.
    private final class Parts: @unchecked Sendable {
        @exclusivity(unchecked) var id: String
        @exclusivity(unchecked) var name: String
        @exclusivity(unchecked) var birthDate: CivilDate
        @exclusivity(unchecked) var weight: Int
        @exclusivity(unchecked) var capacity: [Capacity: Int]
        @exclusivity(unchecked) var values: [String: Int64]
        @exclusivity(unchecked) var sections: [String: SourceRange]
        @exclusivity(unchecked) var records: [PersonaRecord]
        @exclusivity(unchecked) var events: [LifeEvent]
        @exclusivity(unchecked) var expectations: [Expectation]
        @exclusivity(unchecked) var period: (from: YearMonth, to: YearMonth)?
        @exclusivity(unchecked) var range: SourceRange

        init(id: String, name: String, birthDate: CivilDate, weight: Int, capacity: [Capacity: Int]) {
            self.id = id
            self.name = name
            self.birthDate = birthDate
            self.weight = weight
            self.capacity = capacity
            values = [:]
            sections = [:]
            records = []
            events = []
            expectations = []
            period = nil
            range = .synthetic
        }

        func copy() -> Parts {
            let c = Parts(id: id, name: name, birthDate: birthDate, weight: weight, capacity: capacity)
            c.values = values
            c.sections = sections
            c.records = records
            c.events = events
            c.expectations = expectations
            c.period = period
            c.range = range
            return c
        }
    }

    private var parts: Parts
    // The lists and names are read through `_read`, yielded where they lie: a getter handed out a
    // copy, so that reading one line's field (`records[i].kind`) took the line whole (its names and
    // attributes counted) and let it go again.

    /// The parts to write: this persona's own (copied first where another persona shares them).
    private mutating func own() -> Parts {
        if !isKnownUniquelyReferenced(&parts) { parts = parts.copy() }
        return parts
    }

    public var id: String {
        _read { yield parts.id }
        _modify { let p = own(); yield &p.id }
    }
    public var name: String {
        _read { yield parts.name }
        _modify { let p = own(); yield &p.name }
    }
    public var birthDate: CivilDate {
        get { parts.birthDate }
        _modify { let p = own(); yield &p.birthDate }
    }
    /// How many people this persona stands for (an estimate).
    public var weight: Int {
        get { parts.weight }
        _modify { let p = own(); yield &p.weight }
    }
    /// Capacity levels from 1 (very low) to 5 (high), per part of doenvermogen.
    public var capacity: [Capacity: Int] {
        _read { yield parts.capacity }
        _modify { let p = own(); yield &p.capacity }
    }
    /// Facts that hold once per person, by fact name, as slot values: what
    /// the blocks (`onderdeel`) of the persona file gave.
    public var values: [String: Int64] {
        _read { yield parts.values }
        _modify { let p = own(); yield &p.values }
    }
    /// The blocks the persona has, by keyword, with where each was written.
    public var sections: [String: SourceRange] {
        _read { yield parts.sections }
        _modify { let p = own(); yield &p.sections }
    }
    /// The repeated lines (`opgave`): incomes, estimates, stays, in file order.
    public var records: [PersonaRecord] {
        _read { yield parts.records }
        _modify { let p = own(); yield &p.records }
    }
    public var events: [LifeEvent] {
        _read { yield parts.events }
        _modify { let p = own(); yield &p.events }
    }
    public var expectations: [Expectation] {
        _read { yield parts.expectations }
        _modify { let p = own(); yield &p.expectations }
    }
    /// The months to run when none are asked for (`periode` in the file).
    public var period: (from: YearMonth, to: YearMonth)? {
        get { parts.period }
        _modify { let p = own(); yield &p.period }
    }
    /// Where each part was written, for diagnostics and test failures.
    public var range: SourceRange {
        _read { yield parts.range }
        _modify { let p = own(); yield &p.range }
    }

    public init(id: String, name: String, birthDate: CivilDate, weight: Int, capacity: [Capacity: Int]) {
        parts = Parts(id: id, name: name, birthDate: birthDate, weight: weight, capacity: capacity)
    }

    /// Whether both are the very same persona: they share their parts, and so are equal without
    /// looking (a variant made once and asked for again is found so, `AnalysisContext.run`).
    public func isIdentical(to other: Persona) -> Bool { parts === other.parts }
}

/// Two personas are equal when every part is: then every run of them is the same.
extension Persona: Equatable {
    public static func == (a: Persona, b: Persona) -> Bool {
        if a.isIdentical(to: b) { return true }
        // The plain parts first: variants of one person differ mostly in their lines. The values
        // before the lines: a variant that changes only a value (another choice, another nationality)
        // has the same lines, which were compared one by one to the end; one that leaves the values
        // alone shares their dictionary, which is then found equal at once.
        guard a.birthDate == b.birthDate && a.weight == b.weight && a.id == b.id && a.name == b.name
                && a.period?.from == b.period?.from && a.period?.to == b.period?.to else { return false }
        return a.values == b.values && PersonaRecord.same(a.records, b.records) && a.events == b.events
            && a.capacity == b.capacity && a.sections == b.sections && a.expectations == b.expectations && a.range == b.range
    }
}

/// When the agency came to know a fact, and how.
public struct Knowledge: Sendable, Hashable {
    /// The person reported it.
    public var reported: CivilDate?
    /// A register (the polisadministratie, the tax authority) held it.
    public var register: CivilDate?
    /// The register held it but the benefit officers could not see it (the
    /// 2020-2023 polisadministratie fault): it counts only once discovered.
    public var registerHidden: Bool
    /// The agency found out otherwise (an investigation, a hidden signal surfacing).
    public var discovered: CivilDate?
    /// The agency established it itself (an estimate it made).
    public var established: CivilDate?

    public init(reported: CivilDate? = nil, register: CivilDate? = nil, registerHidden: Bool = false,
                discovered: CivilDate? = nil, established: CivilDate? = nil) {
        self.reported = reported
        self.register = register
        self.registerHidden = registerHidden
        self.discovered = discovered
        self.established = established
    }

    /// The first day the agency knew, or nil when it never did. (Read for every
    /// line on every decision date of a population: no arrays.)
    public var known: CivilDate? {
        func earlier(_ a: CivilDate?, _ b: CivilDate?) -> CivilDate? {
            guard let a else { return b }
            guard let b else { return a }
            return min(a, b)
        }
        return earlier(earlier(reported, registerHidden ? nil : register), earlier(discovered, established))
    }

    /// Whether one of the dates on which it changes what the agency knows falls after
    /// `early` and on or before `late`.
    public func changes(after early: CivilDate, through late: CivilDate) -> Bool {
        func within(_ d: CivilDate?) -> Bool { d.map { $0 > early && $0 <= late } ?? false }
        return within(reported) || within(registerChange) || within(discovered) || within(established)
    }

    /// The register's date where it changes what the agency knows. A register the officers
    /// could not see (`registerHidden`) tells them nothing while the line is not known
    /// otherwise: then nothing of the line is in any view (`isKnown`), and once it is known
    /// the register counts from its own date on. Only a hidden register dated on or after the
    /// day the line became known changes a view on its date (the line is then in a register).
    /// The polisadministratie fault made every month's income such a date that changed nothing.
    var registerChange: CivilDate? {
        guard let register else { return nil }
        guard registerHidden else { return register }
        guard let known, register >= known else { return nil }
        return register
    }
    public func isKnown(on day: CivilDate) -> Bool { known.map { $0 <= day } ?? false }
    /// Every date the line gives, as written (a diagnostic checks them all). Not each changes
    /// what the agency knows: `changes(after:through:)` counts a hidden register only from
    /// `registerChange`.
    public var dates: [CivilDate] {
        var dates: [CivilDate] = []
        appendDates(to: &dates)
        return dates
    }

    /// The same dates added to a list (no array of its own per line); with `onlyChanges`,
    /// only those on which what the agency knows changes (`Persona.knowledgeDates`).
    func appendDates(to dates: inout [CivilDate], onlyChanges: Bool = false) {
        if let reported { dates.append(reported) }
        if let register = onlyChanges ? registerChange : register { dates.append(register) }
        if let discovered { dates.append(discovered) }
        if let established { dates.append(established) }
    }
}

/// One line of a repeated kind (`opgave`): a value for a month, an estimate
/// from a month on, or a period of days with attributes.
public struct PersonaRecord: Sendable, Equatable {
    /// The keyword of its `opgave`.
    public var kind: String
    /// A month line: the month's first and last day; a `vanaf` line: the first
    /// day of its month twice; a period: its first and last day.
    public var from: CivilDate
    public var through: CivilDate
    /// The value of a month or `vanaf` line, as a slot value; 1 for a period.
    public var value: Int64
    /// Attribute facts by name, as slot values.
    public var attributes: [String: Int64]
    public var knowledge: Knowledge
    public var range: SourceRange
    /// From its `opgave`, so the analysis can read a line without the rule set.
    public var shape: PersonaRecordKind.Shape
    public var role: RecordRole?
    /// Whether the person reports lines of this kind herself (`gemeld`).
    public var reportable: Bool
    /// The period of paid work that earned this month line (`bij verblijf 2025-03-03`), if it names one.
    public var earnedBy: PeriodReference?

    public init(kind: String, shape: PersonaRecordKind.Shape, role: RecordRole? = nil, reportable: Bool = true,
                from: CivilDate, through: CivilDate, value: Int64 = 1, attributes: [String: Int64] = [:],
                knowledge: Knowledge, earnedBy: PeriodReference? = nil, range: SourceRange = .synthetic) {
        self.kind = kind
        self.shape = shape
        self.role = role
        self.reportable = reportable
        self.from = from
        self.through = through
        self.value = value
        self.attributes = attributes
        self.knowledge = knowledge
        self.earnedBy = earnedBy
        self.range = range
    }

    @inlinable public var month: YearMonth { from.yearMonth }
    public func overlaps(_ first: CivilDate, _ last: CivilDate) -> Bool { from <= last && first <= through }

    /// Whether two lists of lines are equal, line by line as `==` compares them (every stored
    /// property), read where they lie: `==` on the lists took each line whole for the call,
    /// and personas are compared with their variants for every run asked for. A stored property
    /// added to the line belongs here too, and in `PersonaSharingTests`, which changes each one.
    static func same(_ a: [PersonaRecord], _ b: [PersonaRecord]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                x.baseAddress == y.baseAddress || x.indices.allSatisfy { i in
                    x[i].value == y[i].value && x[i].from == y[i].from && x[i].through == y[i].through
                        && x[i].knowledge == y[i].knowledge && x[i].kind == y[i].kind && x[i].shape == y[i].shape
                        && x[i].role == y[i].role && x[i].reportable == y[i].reportable && x[i].earnedBy == y[i].earnedBy
                        && x[i].attributes == y[i].attributes && x[i].range == y[i].range
                }
            }
        }
    }
}

/// A period line as another line names it: by the keyword of its kind and its first day.
public struct PeriodReference: Sendable, Hashable {
    public var kind: String
    public var from: CivilDate

    public init(kind: String, from: CivilDate) {
        self.kind = kind
        self.from = from
    }

    /// Whether this names that line.
    public func names(_ line: PersonaRecord) -> Bool { line.kind == kind && line.from == from && line.shape == .period }
    /// As a persona file writes it: "verblijf 2025-03-03".
    public var text: String { "\(kind) \(from)" }
}

/// Something that happened to the person and weighs on her doenvermogen for
/// a time. Its kinds are declared in the rule files: each kind has a
/// parameter `stress_<soort>` and `duur_<soort>` (Rules/analyse/doenvermogen.regels).
public struct LifeEvent: Sendable, Equatable {
    /// The prefix of the parameters that declare the kinds of events.
    public static let stressPrefix = "stress_"

    /// The kinds of events a rule set declares, in declaration order.
    public static func kinds(in ruleSet: RuleSet) -> [String] {
        ruleSet.parameters.map(\.name).filter { $0.hasPrefix(stressPrefix) }.map { String($0.dropFirst(stressPrefix.count)) }
    }

    public var date: CivilDate
    /// A declared kind, such as `overlijden_familie`.
    public var kind: String
    /// How long the event weighs on the person, in months.
    public var months: Int?
    /// Where the persona file states it.
    public var range: SourceRange
    public init(date: CivilDate, kind: String, months: Int? = nil, range: SourceRange = .synthetic) {
        self.date = date
        self.kind = kind
        self.months = months
        self.range = range
    }

    /// The kind as a reader reads it: `overlijden familie`.
    public var dutch: String { kind.replacingOccurrences(of: "_", with: " ") }
}

/// An outcome a persona file states, checked by the persona test suite.
public struct Expectation: Sendable, Equatable {
    public var month: YearMonth
    public var benefit: String
    /// nil means: no payment at all in that month.
    public var amount: Fixed?
    public var range: SourceRange
    /// Expected under this reform (a folder under `hervormingen/`), not the baseline.
    public var reform: String?
    public var reformRange: SourceRange
    public init(month: YearMonth, benefit: String, amount: Fixed?, range: SourceRange = .synthetic,
                reform: String? = nil, reformRange: SourceRange = .synthetic) {
        self.month = month
        self.benefit = benefit
        self.amount = amount
        self.range = range
        self.reform = reform
        self.reformRange = reformRange
    }
}

extension Persona {
    /// Every date on which the agency learnt something new about the persona: the dates on
    /// which what it knows of a line changes (`Knowledge.changes(after:through:)`).
    public var knowledgeDates: [CivilDate] {
        // Sorted, then each date once: no hashing (every run of every variant asks).
        var dates: [CivilDate] = []
        dates.reserveCapacity(records.count * 2)
        for i in records.indices { records[i].knowledge.appendDates(to: &dates, onlyChanges: true) }
        dates.sort()
        // Each date once, in place (a second list was made and let go for every run asked for).
        var kept = 0
        for k in dates.indices where kept == 0 || dates[k] != dates[kept - 1] {
            dates[kept] = dates[k]
            kept += 1
        }
        dates.removeLast(dates.count - kept)
        return dates
    }
}
