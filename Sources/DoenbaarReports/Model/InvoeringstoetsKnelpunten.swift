import DoenbaarAnalysis
import DoenbaarCore

/// The knelpunten before and after a reform, each in one category with its
/// numbers under both; and where one is gone for some people only because an
/// obligation stopped applying to them, that said in plain Dutch.
enum KnelpuntCategorieen {
    typealias R = InvoeringstoetsRapport

    static func compare(_ baseline: [Analyzer.PersonaAnalysis], _ reformed: [Analyzer.PersonaAnalysis],
                        baselineRules: RuleSet, reformRules: RuleSet) -> [R.KnelpuntVergelijking] {
        let before = Knelpunt.gather(baseline.flatMap(\.findings)), after = Knelpunt.gather(reformed.flatMap(\.findings))
        // Most urgent first: the order under the baseline, then what only the reform brings.
        let keys = before.map(\.key) + after.map(\.key).filter { k in !before.contains { $0.key == k } }
        let compared = keys.map { key -> R.KnelpuntVergelijking in
            let was = before.first { $0.key == key }, now = after.first { $0.key == key }
            let lead = now ?? was!
            let c = R.Categorie.of(before: was.map(stand), after: now.map(stand))
            var lapsed: R.VervallenVerplichting?
            if let was, c == .opgelost || c == .verminderd {
                lapsed = lapsedObligation(was, now, baseline, reformed, baselineRules: baselineRules, reformRules: reformRules)
            }
            return R.KnelpuntVergelijking(id: Format.id(forKey: key),
                                          titel: FindingProse.title(lead.topic),
                                          soort_titel: lead.kind.title, ernst: lead.severity.dutch, ernst_waarde: lead.severity.rawValue,
                                          trede_naam: lead.rung.dutch, categorie: c, voor: was.map(stand), na: now.map(stand),
                                          verplichting_vervalt: lapsed)
        }
        let order = R.Categorie.allCases
        return compared.enumerated().sorted { a, b in
            (order.firstIndex(of: a.element.categorie)!, a.offset) < (order.firstIndex(of: b.element.categorie)!, b.offset)
        }.map(\.element)
    }

    static func stand(_ k: Knelpunt) -> R.Stand { R.Stand(personen: k.reach, personas: k.personas, totaal: k.schade()) }

    /// The obligation a knelpunt measured, when it no longer applies, under the
    /// reform, in the months the knelpunt hit a persona it no longer reaches.
    static func lapsedObligation(_ was: Knelpunt, _ now: Knelpunt?, _ baseline: [Analyzer.PersonaAnalysis], _ reformed: [Analyzer.PersonaAnalysis],
                                 baselineRules: RuleSet, reformRules: RuleSet) -> R.VervallenVerplichting? {
        let still = Set(now?.findings.map(\.personaID) ?? [])
        let dropped = Array(Set(was.findings.map(\.personaID)).subtracting(still)).sorted()
        let obligations = Array(Set(InvoeringstoetsNamen.names(of: was)).filter { n in baselineRules.obligations.contains { $0.name == n } }).sorted()
        for obligation in obligations {
            var hit: [(name: String, weight: Int, net: Int64)] = []
            for id in dropped {
                guard let b = baseline.first(where: { $0.persona.id == id }), let r = reformed.first(where: { $0.persona.id == id }) else { continue }
                let lost = due(obligation, b).subtracting(due(obligation, r))
                let hitMonths = was.findings.filter { $0.personaID == id }.contains { f in lost.contains { $0 >= f.from && $0 <= f.through } }
                guard hitMonths else { continue }
                let net = IncomeSeries(run: r.recorded, persona: r.persona).totalCents - IncomeSeries(run: b.recorded, persona: b.persona).totalCents
                hit.append((b.persona.name, b.persona.weight, net))
            }
            guard !hit.isEmpty else { continue }
            let label = InvoeringstoetsNamen.label(obligation, [baselineRules, reformRules]).map { "‘\($0)’" }
                ?? "uit \(baselineRules.obligation(named: obligation)?.provenance.source ?? "de regels")"
            let names = hit.map(\.name).sorted()
            let net = hit.reduce(Int64(0)) { $0 + $1.net * Int64($1.weight) }
            let one = names.count == 1
            var text = "Verdwenen bij \(Format.list(names)) omdat de verplichting \(label) voor \(one ? names[0] : "hen") niet meer geldt, niet omdat het nadeel weg is: "
            text += "wie een plicht niet heeft, kan haar niet missen, dus valt hier niets meer te meten. "
            let whose = one ? "Het netto inkomen van \(names[0])" : "Hun netto inkomen"
            if net > 0 {
                text += "\(whose) is over de hele periode samen ongeveer \(Format.euroRounded(net)) hoger. "
            } else if net < 0 {
                text += "\(whose) is over de hele periode samen ongeveer \(Format.euroRounded(-net)) lager: het nadeel is niet weg. "
            } else {
                text += "\(whose) verandert niet: " + (one ? "wat die persona misliep, kan die nog steeds mislopen. " : "wat zij misliepen, kunnen zij nog steeds mislopen. ")
            }
            text += "Ga na of het doel van de plicht nu op een andere manier wordt bereikt."
            return R.VervallenVerplichting(naam: obligation, label: label, personas: names, netto_verschil_cent: net, uitleg: text)
        }
        return nil
    }

    /// The months in which an obligation was judged on any of the persona's paths.
    static func due(_ obligation: String, _ a: Analyzer.PersonaAnalysis) -> Set<YearMonth> {
        var months = Set<YearMonth>()
        for run in [a.recorded, a.ideal, a.realistic] {
            for m in run.months where m.obligationsDue.contains(where: { $0.obligation == obligation }) { months.insert(m.month) }
        }
        return months
    }
}
