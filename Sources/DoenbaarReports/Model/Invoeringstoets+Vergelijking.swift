import DoenbaarAnalysis
import DoenbaarCore

extension InvoeringstoetsRapport.Vergelijking {
    typealias R = InvoeringstoetsRapport

    /// The same personas under the baseline and under one reform.
    /// - Parameter newIntentsBefore: intents only the reform declares, tested
    ///   against the baseline (see `Invoeringstoets.newIntentsUnderBaseline`).
    public static func build(reform: Reform, baseline: [Analyzer.PersonaAnalysis], reformed: [Analyzer.PersonaAnalysis],
                             baselineRules: RuleSet, reformRules: RuleSet,
                             newIntentsBefore: [String: InvoeringstoetsRapport.Toets] = [:]) -> InvoeringstoetsRapport.Vergelijking {
        let pairs = zip(baseline, reformed).map { ($0, $1) }
        let personas = pairs.map { b, r -> R.PersonaVergelijking in
            let x = IncomeSeries(run: b.recorded, persona: b.persona), y = IncomeSeries(run: r.recorded, persona: r.persona)
            return R.PersonaVergelijking(id: b.persona.id, naam: b.persona.name, gewicht: b.persona.weight,
                                         maanden: x.months.map(\.month.description), voor_cent: x.months.map(\.netCents),
                                         na_cent: x.months.map { y.month($0.month)?.netCents ?? 0 },
                                         verschil_cent: y.totalCents - x.totalCents)
        }
        return .init(hervorming: .init(naam: reform.name, titel: reform.title, bron: reform.source, geldig_vanaf: reform.validFrom?.description,
                                       vervangt: reform.replaces, vervalt: reform.removes, voegt_toe: reform.adds),
                     effect: effect(pairs),
                     artikelen: articles(reform, baselineRules: baselineRules, reformRules: reformRules),
                     bedoelingen: intents(baseline, reformed, baselineRules: baselineRules, reformRules: reformRules, newIntentsBefore: newIntentsBefore),
                     knelpunten: KnelpuntCategorieen.compare(baseline, reformed, baselineRules: baselineRules, reformRules: reformRules),
                     personas: personas)
    }

    /// Who changes, and per calendar year the weighted change in benefit paid and in net income.
    static func effect(_ pairs: [(Analyzer.PersonaAnalysis, Analyzer.PersonaAnalysis)]) -> R.Effect {
        var who: [String] = [], people = 0
        var outlay: [Int: Int64] = [:], income: [Int: Int64] = [:]
        for (b, r) in pairs {
            let x = IncomeSeries(run: b.recorded, persona: b.persona), y = IncomeSeries(run: r.recorded, persona: r.persona)
            let w = Int64(b.persona.weight)
            var changed = false
            for month in Set(x.months.map(\.month)).union(y.months.map(\.month)) {
                let before = x.month(month), after = y.month(month)
                let paid = (after.map { $0.paidCents + $0.correctionCents } ?? 0) - (before.map { $0.paidCents + $0.correctionCents } ?? 0)
                let net = (after?.netCents ?? 0) - (before?.netCents ?? 0)
                if paid != 0 || net != 0 { changed = true }
                outlay[month.year, default: 0] += w * paid
                income[month.year, default: 0] += w * net
            }
            if changed { who.append(b.persona.name); people += b.persona.weight }
        }
        let years = Set(outlay.keys).union(income.keys).sorted()
        return R.Effect(personas: who, personen: people,
                        jaren: years.map { R.JaarEffect(jaar: $0, uitkeringslasten_cent: outlay[$0] ?? 0, netto_inkomen_cent: income[$0] ?? 0) })
    }

    /// The declarations the reform replaces, lets lapse and adds, with their articles.
    static func articles(_ reform: Reform, baselineRules: RuleSet, reformRules: RuleSet) -> [R.Artikel] {
        let changes = reform.replaces.map { ("vervangen", $0, reformRules) } + reform.removes.map { ("vervallen", $0, baselineRules) }
            + reform.adds.map { ("toegevoegd", $0, reformRules) }
        return changes.compactMap { change, name, rules in
            guard let d = InvoeringstoetsNamen.declaration(name, in: rules) else { return nil }
            // A reform with a start date keeps a replaced definition or rule and adds its own
            // version as an exception on it (ReformFromDate): the article is the version's.
            let version = change == "vervangen" ? InvoeringstoetsNamen.declaration("hervorming_\(reform.name)_\(name)", in: rules) : nil
            return R.Artikel(wijziging: change, naam: name, soort: d.soort,
                             label: InvoeringstoetsNamen.label(name, [rules, baselineRules]), bron: (version ?? d).provenance.source)
        }
    }

    static func intents(_ baseline: [Analyzer.PersonaAnalysis], _ reformed: [Analyzer.PersonaAnalysis], baselineRules: RuleSet,
                        reformRules: RuleSet, newIntentsBefore: [String: R.Toets]) -> [R.BedoelingVergelijking] {
        var names = baselineRules.intents.map(\.name)
        for i in reformRules.intents where !names.contains(i.name) { names.append(i.name) }
        return names.map { name in
            // The reform's own version where a start date left two.
            let intent = reformRules.intents.last { $0.name == name } ?? baselineRules.intents.first { $0.name == name }!
            let inBaseline = baselineRules.intents.contains { $0.name == name }, inReform = reformRules.intents.contains { $0.name == name }
            let before = inBaseline ? test(name, baseline)
                : newIntentsBefore[name] ?? .untested("niet getoetst onder de huidige regels")
            let after = inReform ? test(name, reformed) : .untested("vervalt met de hervorming")
            return R.BedoelingVergelijking(naam: name, tekst: intent.text, bron: intent.provenance.source, alleen_in_hervorming: !inBaseline,
                                           voor: before, na: after, oordeel: verdict(before, after))
        }
    }

    static func test(_ intent: String, _ analyses: [Analyzer.PersonaAnalysis]) -> R.Toets {
        let failing = analyses.filter { a in a.recorded.months.contains { m in m.intents.contains { $0.intent == intent && $0.holds == false } } }
        return .tested(failing.map(\.persona.name), failing.reduce(0) { $0 + $1.persona.weight })
    }

    static func verdict(_ before: R.Toets, _ after: R.Toets) -> String {
        // A lapsed intent is not tested after the reform: it is not restored either.
        guard after.getoetst else { return "vervallen" }
        guard before.getoetst else { return after.personas.isEmpty ? "gehaald" : "geschonden" }
        switch (before.personas.isEmpty, after.personas.isEmpty) {
        case (true, true): return "gehaald"
        case (false, true): return "hersteld"
        case (true, false): return "nieuw geschonden"
        case (false, false):
            return Set(after.personas).isSubset(of: Set(before.personas)) && after.personas.count < before.personas.count
                ? "deels hersteld" : "blijft geschonden"
        }
    }
}
