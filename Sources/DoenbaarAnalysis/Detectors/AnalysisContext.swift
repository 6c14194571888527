import DoenbaarCore

/// Everything a detector may look at for one persona: the rules, the
/// parameters, and the runs of the persona as recorded, on the ideal path and
/// on the realistic path, each computed once and only when asked for.
public final class AnalysisContext {
    public let persona: Persona
    /// What every person's analysis reads alike, held once for all of them (`Setting`).
    let setting: Setting
    public var ruleSet: RuleSet { _read { yield setting.ruleSet } }
    public var evaluator: Evaluator { _read { yield setting.evaluator } }
    public var parameters: AnalysisParameters { _read { yield setting.parameters } }
    public var model: DoenvermogenModel { _read { yield setting.model } }
    public let from: YearMonth
    public let to: YearMonth
    /// The ideal and realistic paths run this far, so that what a missed
    /// report sets in motion (discovery, recovery, fine) falls inside them.
    public let pathsTo: YearMonth
    /// For population estimates: only what decides whether a finding fires and
    /// how much it costs — no traces, no evidence, no alternatives to name.
    public let estimating: Bool
    /// Whether findings name what they turn on: the declarations on their path, the
    /// provisions and the evidence, as the reports of single personas show them. An
    /// estimate counts findings and their harm only, and leaves these out (its findings
    /// then name no provisions, and their path no declaration, so their rung is the ladder's
    /// last without articles).
    public var naming: Bool { !estimating }

    public convenience init(persona: Persona, evaluator: Evaluator, parameters: AnalysisParameters, from: YearMonth, to: YearMonth,
                            estimating: Bool = false) {
        self.init(persona: persona, setting: Setting(evaluator: evaluator, parameters: parameters), from: from, to: to, estimating: estimating)
    }

    init(persona: Persona, setting: Setting, from: YearMonth, to: YearMonth, estimating: Bool = false) {
        self.estimating = estimating
        self.persona = persona
        self.setting = setting
        self.from = from
        self.to = to
        pathsTo = to.adding(months: setting.parameters.undisclosedDiscoveredAfterMonths + 1)
    }

    /// The evaluator, the rule set, the analysis parameters and the model made of them:
    /// the same for every person an analyzer looks at, so one reference to them, not a
    /// copy per person. A copy counted a reference to each of their lists, some thirty,
    /// on memory that both cores share, and let them go again with the person.
    final class Setting: Sendable {
        let evaluator: Evaluator
        let ruleSet: RuleSet
        let model: DoenvermogenModel
        /// The parameters the model was made of, also held here: read through the model, each
        /// read from another type took a copy of them all (and counted every list in them).
        let parameters: AnalysisParameters
        /// What every person's choices and other reports are sorted out from (`RuleSet.choiceFields`, `reportAlternatives`).
        let choiceFields: [(section: Int, field: Int)]
        let reportAlternatives: [ReportAlternative]
        /// The kinds of lines that can be paid work (`RuleSet.activityKinds`).
        let activityKinds: [ActivityKind]
        /// The rule set's obligations, each behind one reference, for every person's realistic path (`Paths.realistic`).
        let obligations: [Paths.KeptObligation]

        init(evaluator: Evaluator, parameters: AnalysisParameters) {
            let (ruleSet, model) = (evaluator.plan.ruleSet, DoenvermogenModel(parameters))
            self.evaluator = evaluator
            self.ruleSet = ruleSet
            self.model = model
            self.parameters = parameters
            choiceFields = ruleSet.choiceFields
            reportAlternatives = ruleSet.reportAlternatives
            activityKinds = ruleSet.activityKinds
            obligations = ruleSet.obligations.map { Paths.KeptObligation($0, model: model) }
        }
    }

    /// Any variant of the persona over the same months (or to another end).
    /// How many runs of the rules this person's analysis has made so far.
    public private(set) var runs = 0
    /// The runs' views, so that a variant takes over the months it does not change.
    private let memory = RunMemory()

    public func run(_ p: Persona, to end: YearMonth? = nil, trace: Bool = true) throws(AnalysisError) -> PersonaRun {
        let end = end ?? to, trace = trace && !estimating
        // A variant can be a persona run before (a capacity gap with one missed
        // obligation is the realistic path): the same persona gives the same run.
        if let same = made(p, to: end, trace: trace) { return same.run }
        runs += 1
        let run: PersonaRun
        do { run = try evaluator.run(p, from: from, to: end, trace: trace, memory: memory) } catch { throw .evaluation(error) }
        done.append(Made(persona: p, end: end, trace: trace, run: run))
        return run
    }

    /// A run of a variant made elsewhere (for many people at once, `SharedRuns`),
    /// given as if this context had made it: for estimates, whose runs have no trace.
    /// `SharedRuns` asks for a run only where the context `has` none yet, so it is not
    /// looked for again here (a second one would only never be found).
    func keep(_ p: Persona, to end: YearMonth, run: PersonaRun) {
        guard estimating else { return }
        take(p, to: end, run)
    }

    /// An untraced run counted as this context's own.
    private func take(_ p: Persona, to end: YearMonth, _ run: PersonaRun) {
        runs += 1
        done.append(Made(persona: p, end: end, trace: false, run: run))
    }

    /// Whether a run of this persona to this month is at hand: made or kept already, or
    /// taken now from one made to a later month where that gives the same months
    /// (`PersonaRun.prefix(through:)`, for estimates). Runs to this month are looked at
    /// first: comparing a persona with a variant of herself is the dear part, and most
    /// requests are answered there.
    func has(_ p: Persona, to end: YearMonth) -> Bool {
        if made(p, to: end) { return true }
        guard estimating else { return false }
        for made in done where made.end > end && !made.trace && made.persona == p {
            if let run = made.run.prefix(through: end) {
                take(p, to: end, run)
                return true
            }
        }
        return false
    }

    /// Whether a run of this persona to this month was made (or kept) already.
    func made(_ p: Persona, to end: YearMonth) -> Bool {
        made(p, to: end, trace: nil) != nil
    }

    /// The run of this persona to this month made so far (with or without a trace, where told).
    /// The very persona first: a variant is made once and asked for again as itself, and
    /// the runs made before it were compared with it line by line on the way.
    private func made(_ p: Persona, to end: YearMonth, trace: Bool?) -> Made? {
        done.first { $0.end == end && (trace == nil || $0.trace == trace) && $0.persona.isIdentical(to: p) }
            ?? done.first { (trace == nil || $0.trace == trace) && $0.isRun(of: p, to: end) }
    }

    /// The runs made so far, with what they were made of.
    private var done: [Made] = []

    /// A run made, with its persona: a reference, so that looking through the runs for a
    /// persona passes each along without copying its persona and months (and counting
    /// every list in them), as a tuple of the four did.
    private final class Made {
        let persona: Persona
        let end: YearMonth
        let trace: Bool
        let run: PersonaRun

        init(persona: Persona, end: YearMonth, trace: Bool, run: PersonaRun) {
            self.persona = persona
            self.end = end
            self.trace = trace
            self.run = run
        }

        /// Whether this is a run of `p` to `end`: the persona compared where it is kept (read
        /// from outside, it was copied, every list in it counted, for each run looked at).
        func isRun(of p: Persona, to end: YearMonth) -> Bool {
            self.end == end && persona == p
        }
    }

    private var cachedRecorded: PersonaRun?
    /// The persona as the file tells it: what she did and when.
    public func recorded() throws(AnalysisError) -> PersonaRun {
        try Self.once(&cachedRecorded) { () throws(AnalysisError) in try run(persona) }
    }

    private var cachedRecordedSeries: IncomeSeries?
    /// The income month by month of the run as recorded: every comparison measures against it.
    public func recordedSeries() throws(AnalysisError) -> IncomeSeries {
        try Self.once(&cachedRecordedSeries) { () throws(AnalysisError) in series(try recorded()) }
    }

    public lazy var idealPersona: Persona = Paths.ideal(persona, setting.parameters)
    private var cachedIdeal: PersonaRun?
    public func ideal() throws(AnalysisError) -> PersonaRun {
        try Self.once(&cachedIdeal) { () throws(AnalysisError) in try run(idealPersona, to: pathsTo) }
    }

    private var cachedIdealInPeriod: PersonaRun?
    /// The ideal path over the persona's own months only (no extension).
    public func idealInPeriod() throws(AnalysisError) -> PersonaRun {
        try Self.once(&cachedIdealInPeriod) { () throws(AnalysisError) in try run(idealPersona) }
    }

    private var cachedRealistic: (persona: Persona, decisions: [Paths.Decision], run: PersonaRun)?
    /// The realistic path: who meets which obligation, and what follows.
    public func realistic() throws(AnalysisError) -> (persona: Persona, decisions: [Paths.Decision], run: PersonaRun) {
        try Self.once(&cachedRealistic) { () throws(AnalysisError) in
            let (p, decisions) = try realisticPath()
            return (p, decisions, try run(p, to: pathsTo))
        }
    }

    private var cachedRealisticPath: (persona: Persona, decisions: [Paths.Decision])?
    /// The realistic path before it is run: it follows from the ideal run.
    func realisticPath() throws(AnalysisError) -> (persona: Persona, decisions: [Paths.Decision]) {
        try Self.once(&cachedRealisticPath) { () throws(AnalysisError) in
            Paths.realistic(ideal: idealPersona, idealRun: try ideal(), ruleSet: setting.ruleSet, model: setting.model, obligations: setting.obligations)
        }
    }

    /// `CapacityGapDetector`'s gaps, once worked out: planned as runs first, read by the findings later.
    var capacityGaps: [CapacityGap]?

    /// The choices the persona made (`RuleSet.choices(of:)`), sorted out once: the choice trap plans
    /// and judges them, and an intent's counterpart reads them.
    public private(set) lazy var choices: [Choice] = setting.ruleSet.choices(of: persona, among: setting.choiceFields)

    /// A run is computed on first request and kept; a failed run is not kept.
    private static func once<T>(_ cache: inout T?, _ compute: () throws(AnalysisError) -> T) throws(AnalysisError) -> T {
        if let cache { return cache }
        let value = try compute()
        cache = value
        return value
    }

    /// The persona changed in one respect, run beside the recorded run. What the recorded
    /// run costs against it, by kind of money, is measured only for a finding (`harm(of:)`):
    /// most comparisons find nothing.
    public struct Comparison: Sendable {
        public let persona: Persona
        public let run: PersonaRun
        /// What the variant brings more than the recorded run over the months (negative: less).
        public let gainCents: Int64
        /// The months whose totals differ, in order.
        public let months: [YearMonth]
    }

    /// By key, in the order made: a person has a few, looked up by key in a list (a dictionary
    /// allocated its table, and hashed the key, for every person).
    private var comparisons: [(key: String, comparison: Comparison)] = []

    /// Variants of the persona by key, each made once: the run a detector plans
    /// (`Detector.plannedRuns`) and the run it looks up later then have the very same
    /// persona, which is found equal at once (its lists are one buffer), where a variant
    /// made twice was compared line by line with every run of the person.
    private var variants: [(key: String, persona: Persona)] = []

    /// The variant of the persona under `key`, made by `make` the first time it is asked for.
    public func variant(_ key: String, _ make: () -> Persona) -> Persona {
        if let known = variants.first(where: { $0.key == key }) { return known.persona }
        let p = make()
        variants.append((key, p))
        return p
    }

    /// The comparison keys detectors share.
    public static func choiceKey(_ choice: Choice) -> String { "keuze:\(choice.fact.name)" }
    /// The key of the persona with another value of a protected attribute (`ProtectedAttributeDetector`).
    public static func protectedKey(_ value: String) -> String { "beschermd:\(value)" }
    public static let alternativeReportKey = "andere_melding"
    /// The persona with the other value reported wherever the rules offer one
    /// (`Persona.withAlternativesReported`), kept under `alternativeReportKey`: the choice trap
    /// plans and compares it, an intent's counterpart compares it.
    public var alternativesReported: Persona { variant(Self.alternativeReportKey, withAlternativesReported) }
    /// That persona compared with the recorded run (`compare`).
    public func compareAlternativesReported() throws(AnalysisError) -> Comparison {
        try compare(Self.alternativeReportKey, withAlternativesReported)
    }
    private func withAlternativesReported() -> Persona { persona.withAlternativesReported(setting.reportAlternatives) }
    /// The key of the persona at home instead of away for work (`WorkAbroadDetector`).
    public static let workAtHomeKey = "werk_thuis"
    /// A variant run and compared once per key, so detectors that ask the same
    /// question (the other choice, the other report) share one run.
    public func compare(_ key: String, _ make: () -> Persona) throws(AnalysisError) -> Comparison {
        if let known = comparisons.first(where: { $0.key == key }) { return known.comparison }
        let recorded = try recorded(), recordedSeries = try recordedSeries()
        let p = variant(key, make)
        let run = try run(p)
        let comparison = Comparison(persona: p, run: run, gainCents: totalCents(run, p) - recordedSeries.totalCents,
                                    months: AnalysisContext.monthsThatDiffer(recorded, run))
        comparisons.append((key, comparison))
        return comparison
    }

    /// What the recorded run costs against a compared variant, by kind of money.
    public func harm(of comparison: Comparison) throws(AnalysisError) -> Harm {
        harm(try recorded(), try recordedSeries(), against: comparison.run)
    }

    /// The months (of `a`) in which two runs pay a different total.
    static func monthsThatDiffer(_ a: PersonaRun, _ b: PersonaRun) -> [YearMonth] {
        placesThatDiffer(a, b).map { a.months[$0].month }
    }

    /// The places of the months in which two runs pay a different total, read in place by index
    /// (a month taken out of a run is copied, every list in it counted).
    static func placesThatDiffer(_ a: PersonaRun, _ b: PersonaRun) -> [Int] {
        let (x, y) = (a.months, b.months)
        return (0..<min(x.count, y.count)).filter { x[$0].totalCents != y[$0].totalCents }
    }

    // MARK: Shared helpers for detectors

    public func series(_ run: PersonaRun, _ p: Persona? = nil) -> IncomeSeries { IncomeSeries(run: run, persona: p ?? persona) }
    /// The total of that series (`IncomeSeries.totalCents(run:persona:)`), where only the total is read.
    public func totalCents(_ run: PersonaRun, _ p: Persona? = nil) -> Int64 { IncomeSeries.totalCents(run: run, persona: p ?? persona) }

    /// The beslagvrije voet of a month (`AnalysisParameters.protectedMinimum(in:)`). Passed on as this
    /// method: the parameters' method itself took a copy of all the parameters for every harm.
    private func protectedMinimum(_ month: YearMonth) -> Int64? { setting.parameters.protectedMinimum(in: month) }

    /// What `actual` (a run of `person`) costs against a better run of the
    /// same months, with its repayments measured against the beslagvrije voet.
    public func harm(_ actual: PersonaRun, _ person: Persona, against better: PersonaRun, basis: Harm.Basis = .outcome) -> Harm {
        harm(actual, series(actual, person), against: better, basis: basis)
    }

    /// The same, with the income series of `actual` at hand.
    public func harm(_ actual: PersonaRun, _ series: IncomeSeries, against better: PersonaRun, basis: Harm.Basis = .outcome) -> Harm {
        Harm.between(actual: actual, better: better, basis: basis)
            .collected(from: series, protectedMinimum: protectedMinimum)
    }

    /// What one month of a run collects (recoveries, fines), measured against the beslagvrije voet.
    public func collectedHarm(_ month: MonthOutcome, _ series: IncomeSeries) -> Harm {
        Harm.collected(in: month).collected(from: series, protectedMinimum: protectedMinimum)
    }

    /// The rung of the solution ladder for a finding whose path runs through
    /// these declarations: a discretion point on the path offers its own rung;
    /// without one, only a change of the law helps.
    public func rung(for names: Set<String>, from first: YearMonth? = nil, through last: YearMonth? = nil) throws(AnalysisError) -> RungChoice {
        let ladder = setting.parameters.ladder
        // An exception lies on the path of the declaration it overrides (in rule-set order:
        // the owner of an exception found so becomes part of the path for those after it).
        var names = names
        for (name, exceptions) in ladder.overridden where exceptions.contains(where: names.contains) { names.insert(name) }
        // A discretion point with a scope counts only where its scope held in the finding's months;
        // one that a reform with a start date made a version, only in the months of its window.
        // The recorded run's months read only for a discretion point on the path (most findings of
        // an estimate name none): copied out for each finding, they were counted month by month.
        let recordedRun = ladder.inSomeMonths.contains(true) ? try recorded() : nil
        func usable(_ i: Int) -> Bool {
            guard ladder.inSomeMonths[i], let recordedRun else { return true }
            let d = setting.ruleSet.discretions[i]
            return recordedRun.months.contains { m in
                first.map { m.month >= $0 } ?? true && last.map { m.month <= $0 } ?? true
                    && d.validity.contains(m.month.first) && (d.scope == nil || m.discretionsInScope.contains(i))
            }
        }
        var best: (index: Int, rung: SolutionRung)?
        for i in ladder.covered.indices where !names.isDisjoint(with: ladder.covered[i]) && usable(i) {
            let rung: SolutionRung = setting.ruleSet.discretions[i].kind == .tailoring ? .tailoring : .policyRule
            if best == nil || rung < best!.rung { best = (i, rung) }
        }
        if let (i, rung) = best {
            let d = setting.ruleSet.discretions[i]
            return RungChoice(rung, discretion: DiscretionReference(provision: setting.ruleSet.provision(d), text: d.text))
        }
        // Rung 3 names what to change: the articles of the definitions on the path (the
        // conditions the outcome turns on), else of its rules.
        // A definition made of facts alone (`inkomen`) restates them: no article to change.
        let onPath = ladder.changeable.filter { names.contains($0.name) }
        let articles = onPath.filter { !$0.isRule } + onPath.filter(\.isRule)
        return RungChoice(.lawChange, articles: articles.prefix(2).map { setting.ruleSet.provision(setting.ruleSet.values[$0.index]) })
    }

    /// The name a finding uses for the recoveries of a benefit on its path.
    public static func recoveryName(_ benefit: String) -> String { "terugvordering \(benefit)" }

    /// Where two runs of the same months part ways: the rules and definitions
    /// whose values differ, in the first month where a payment differs.
    public func divergence(_ a: PersonaRun, _ b: PersonaRun) -> Set<String> {
        for (x, y) in zip(a.months, b.months) {
            var names = Set<String>()
            for (p, q) in zip(x.benefits, y.benefits) where p.paidCents != q.paidCents {
                names.formUnion(Evidence.differences(p.trace, q.trace).map(\.name))
            }
            if !names.isEmpty { return names }
        }
        return []
    }

    /// An obligation as a provision: the version that held on the day, if given.
    public func provision(obligation name: String, on day: CivilDate? = nil) -> ProvisionReference? {
        setting.ruleSet.obligation(named: name, on: day).map(setting.ruleSet.provision)
    }

    public func provision(intent name: String, on day: CivilDate? = nil) -> ProvisionReference? {
        setting.ruleSet.intent(named: name, on: day).map(setting.ruleSet.provision)
    }

    /// A benefit as a provision, with its title as label.
    public func provision(benefit name: String) -> ProvisionReference? {
        setting.ruleSet.benefit(named: name).map { setting.ruleSet.provision(setting.ruleSet.benefits[$0]) }
    }

    /// The payment rules of a benefit, as provisions.
    public func provisions(benefit: String) -> [ProvisionReference] {
        guard let b = setting.ruleSet.benefit(named: benefit) else { return [] }
        return setting.ruleSet.values.filter { $0.role.benefit == b }.map(setting.ruleSet.provision)
    }
}
