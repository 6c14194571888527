import DoenbaarAnalysis
import DoenbaarCore

/// A finding in the stable JSON shape shared by `doenbaar run --format json`
/// and the reports (field names in Dutch, amounts in cents).
struct FindingJSON: Encodable {
    let soort: String
    let ernst: String
    let persona: String
    let persona_naam: String
    let gewicht: Int
    let van: String
    let tot_en_met: String
    let bepalingen: [Provision]
    let schade: Schade
    let ook_gezien_als: [KnelpuntVerslag.Lens]
    let maanden: Int
    let uitleg: String
    let doenvermogen: String?
    let andere_handeling: String?
    let trede: Int
    let trede_naam: String
    let trede_reden: String
    /// Rungs 1 and 2: the discretion point; rung 3: the articles to change.
    let beleidsruimte: Provision?
    let te_wijzigen: [Provision]
    let bewijs: [RenderedTrace]

    struct Provision: Encodable {
        let naam: String
        let label: String
        let regeling: String
        let bron: String
        init(_ p: ProvisionReference) {
            naam = p.name
            label = FindingProse.name(p)
            regeling = p.regulation
            bron = p.source
        }
    }

    init(_ f: Finding) {
        soort = f.kind.rawValue
        ernst = f.severity.dutch
        persona = f.personaID
        persona_naam = f.personaName
        gewicht = f.weight
        van = f.from.description
        tot_en_met = f.through.description
        bepalingen = f.provisions.map(Provision.init)
        schade = Schade(f.harm)
        ook_gezien_als = f.lenses.map { KnelpuntVerslag.Lens($0, persona: f.personaName) }
        maanden = f.months
        uitleg = FindingProse.story(f)
        doenvermogen = FindingProse.capacity(f)
        andere_handeling = FindingProse.avoidance(f)
        trede = f.rung.rawValue
        trede_naam = f.rung.dutch
        trede_reden = FindingProse.reason(f)
        beleidsruimte = f.rung == .lawChange ? nil : f.solution.discretion.map { Provision($0.provision) }
        te_wijzigen = FindingProse.articles(f.solution, provisions: f.provisions).map(Provision.init)
        bewijs = f.evidence.map(RenderedTrace.init)
    }
}

/// The persona's three paths in JSON: net income per month.
struct PathsJSON: Encodable {
    struct Month: Encodable { let maand: String; let netto_cent: Int64 }
    struct Decision: Encodable {
        let verplichting: String
        let van: String
        let tot_en_met: String
        let nagekomen: Bool
        let vereist_niveau: String
        let tekort_aan: [String]
        let stress: [String]
    }
    let opgetekend: [Month]
    let ideaal: [Month]
    let realistisch: [Month]
    let realistische_beslissingen: [Decision]

    init(_ a: Analyzer.PersonaAnalysis) {
        func months(_ run: PersonaRun, _ p: Persona) -> [Month] {
            IncomeSeries(run: run, persona: p).months.map { Month(maand: $0.month.description, netto_cent: $0.netCents) }
        }
        opgetekend = months(a.recorded, a.persona)
        ideaal = months(a.ideal, a.persona)
        realistisch = months(a.realistic, a.persona)
        realistische_beslissingen = a.realisticDecisions.map { d in
            Decision(verplichting: d.obligation.name, van: d.from.description, tot_en_met: d.through.description,
                     nagekomen: d.judgement.met, vereist_niveau: d.judgement.required.description,
                     tekort_aan: d.judgement.shortParts.map(\.rawValue), stress: d.judgement.stress.map(\.kind))
        }
    }
}
