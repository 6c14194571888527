import DoenbaarAnalysis
import DoenbaarCore
import Foundation

/// The stable JSON shape of `doenbaar run --format json` (documented in the
/// README). Version 1; fields are only ever added, never renamed.
public enum RunJSON {
    struct Document: Encodable {
        let versie = 1
        let persona: PersonaInfo
        let periode: Period
        let maanden: [Month]
        /// With the analysis: the three paths and the findings (added in version 1, optional).
        let paden: PathsJSON?
        let bevindingen: [FindingJSON]?
    }
    struct PersonaInfo: Encodable { let id: String; let naam: String; let gewicht: Int }
    struct Period: Encodable { let van: String; let tot_en_met: String }
    struct Month: Encodable {
        let maand: String
        let uitkeringen: [Benefit]
        let boetes: [FineItem]
        let verplichtingen_niet_nagekomen: [Missed]
        let bedoelingen: [IntentItem]
        let totaal_cent: Int64
    }
    struct Benefit: Encodable {
        let uitkering: String
        let bruto_cent: Int64
        let kortingen: [DeductionItem]
        let betaald_cent: Int64
        let correcties: [CorrectionItem]
        let spoor: RenderedTrace
    }
    struct DeductionItem: Encodable { let regel: String; let bron: String; let bedrag_cent: Int64 }
    struct CorrectionItem: Encodable { let over_maand: String; let soort: String; let bedrag_cent: Int64; let spoor: RenderedTrace }
    struct FineItem: Encodable { let verplichting: String; let bron: String; let bedrag_cent: Int64; let periode_vanaf: String }
    struct Missed: Encodable { let verplichting: String; let bron: String; let van: String; let tot_en_met: String; let vraagt: [String]; let gevolgen: [String] }
    struct IntentItem: Encodable { let bedoeling: String; let bron: String; let tekst: String; let gehaald: Bool? }

    public static func render(_ run: PersonaRun, analysis: Analyzer.PersonaAnalysis? = nil) throws -> String {
        let doc = Document(
            persona: PersonaInfo(id: run.personaID, naam: run.personaName, gewicht: run.weight),
            periode: Period(van: run.range.firstMonth.description, tot_en_met: run.range.lastMonth.description),
            maanden: run.months.map { m in
                Month(maand: m.month.description,
                      uitkeringen: m.benefits.map { b in
                          Benefit(uitkering: b.benefit, bruto_cent: b.grossCents,
                                  kortingen: b.deductions.map { DeductionItem(regel: $0.rule, bron: $0.source, bedrag_cent: $0.cents) },
                                  betaald_cent: b.paidCents,
                                  correcties: b.corrections.map { CorrectionItem(over_maand: $0.forMonth.description, soort: $0.kind, bedrag_cent: $0.cents, spoor: RenderedTrace($0.trace)) },
                                  spoor: RenderedTrace(b.trace))
                      },
                      boetes: m.fines.map { FineItem(verplichting: $0.obligation, bron: $0.source, bedrag_cent: $0.cents, periode_vanaf: $0.forPeriodStart.description) },
                      verplichtingen_niet_nagekomen: m.missedObligations.map {
                          Missed(verplichting: $0.obligation, bron: $0.source, van: $0.from.description, tot_en_met: $0.through.description,
                                 vraagt: $0.demands.map(\.rawValue), gevolgen: $0.consequences)
                      },
                      bedoelingen: m.intents.map { IntentItem(bedoeling: $0.intent, bron: $0.source, tekst: $0.text, gehaald: $0.holds) },
                      totaal_cent: m.totalCents)
            },
            paden: analysis.map(PathsJSON.init),
            bevindingen: analysis.map { $0.findings.map(FindingJSON.init) })
        return try ReportJSON.render(doc)
    }
}
