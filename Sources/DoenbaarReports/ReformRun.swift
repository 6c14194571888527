import DoenbaarAnalysis
import DoenbaarCore

/// One persona under the baseline and under a reform, month by month: every
/// changed euro with where the two calculations part ways (the rules and
/// definitions whose values differ, with their articles) and the reformed
/// calculation cut down to that path. What `doenbaar run --reform` shows.
public struct ReformRun: Encodable, Sendable {
    public var versie = 1
    public let persona: String
    public let persona_naam: String
    public let hervorming: String
    public let hervorming_titel: String
    public let geldig_vanaf: String?
    public let van: String
    public let tot_en_met: String
    public let maanden: [Maand]
    public let ongewijzigde_maanden: [String]
    public let totaal_voor_cent: Int64
    public let totaal_na_cent: Int64

    public struct Maand: Encodable, Sendable {
        public let maand: String
        public let uitkeringen: [Uitkering]
        /// Paid, corrected and fined in the month, all benefits together.
        public let totaal_voor_cent: Int64
        public let totaal_na_cent: Int64
    }

    public struct Uitkering: Encodable, Sendable {
        public let uitkering: String
        public let betaald_voor_cent: Int64
        public let betaald_na_cent: Int64
        public let correcties_voor_cent: Int64
        public let correcties_na_cent: Int64
        public let verschillen: [Verschil]
        /// The reformed calculation, cut down to the path of the difference.
        public let spoor_na: RenderedTrace?
    }

    public struct Verschil: Encodable, Sendable {
        public let naam: String
        public let soort: String
        public let bron: String?
        public let voor: String
        public let na: String
    }

    public init(reform: Reform, before: PersonaRun, after: PersonaRun) {
        persona = before.personaID
        persona_naam = before.personaName
        hervorming = reform.name
        hervorming_titel = reform.title
        geldig_vanaf = reform.validFrom?.description
        van = before.range.firstMonth.description
        tot_en_met = before.range.lastMonth.description
        var changed: [Maand] = [], same: [String] = []
        for (x, y) in zip(before.months, after.months) {
            var benefits: [Uitkering] = []
            for b in x.benefits {
                let a = y.benefit(b.benefit)
                let corrections = b.corrections.reduce(0) { $0 + $1.cents }
                let correctionsAfter = a?.corrections.reduce(0) { $0 + $1.cents } ?? 0
                guard b.paidCents != a?.paidCents ?? 0 || corrections != correctionsAfter else { continue }
                let differences = a.map { Evidence.differences(b.trace, $0.trace) } ?? []
                benefits.append(Uitkering(uitkering: b.benefit, betaald_voor_cent: b.paidCents, betaald_na_cent: a?.paidCents ?? 0,
                                          correcties_voor_cent: corrections, correcties_na_cent: correctionsAfter,
                                          verschillen: differences.map { Verschil(naam: $0.name, soort: $0.node.kind.rawValue, bron: $0.node.source, voor: TraceText.value($0.before), na: TraceText.value($0.after)) },
                                          spoor_na: a.flatMap { Evidence.focused($0.trace, on: Set(differences.map(\.name))) }.map(RenderedTrace.init)))
            }
            if benefits.isEmpty && x.totalCents == y.totalCents {
                same.append(x.month.description)
            } else {
                changed.append(Maand(maand: x.month.description, uitkeringen: benefits, totaal_voor_cent: x.totalCents, totaal_na_cent: y.totalCents))
            }
        }
        maanden = changed
        ongewijzigde_maanden = same
        totaal_voor_cent = before.months.reduce(0) { $0 + $1.totalCents }
        totaal_na_cent = after.months.reduce(0) { $0 + $1.totalCents }
    }

    public func json() throws -> String { try ReportJSON.render(self) }

    /// The comparison as text: the changed months, each changed benefit with
    /// the values that differ and the reformed calculation behind it.
    public func text() -> String {
        var out = "\(persona_naam): voor en na de hervorming '\(hervorming)' (\(hervorming_titel))"
        out += geldig_vanaf.map { ", geldig vanaf \(CivilDate(iso: $0)?.dutch ?? $0)" } ?? ""
        out += "\n\(Format.month(van)) tot en met \(Format.month(tot_en_met)).\n"
        if maanden.isEmpty { out += "\nDe hervorming verandert voor \(persona_naam) niets in deze maanden.\n" }
        for m in maanden {
            out += "\n== \(Format.month(m.maand)) ==\n"
            for b in m.uitkeringen {
                out += "\(b.uitkering): betaald \(Format.euro(b.betaald_voor_cent)) -> \(Format.euro(b.betaald_na_cent)) (\(signed(b.betaald_na_cent - b.betaald_voor_cent)))\n"
                if b.correcties_voor_cent != b.correcties_na_cent {
                    out += "  correcties: \(Format.euro(b.correcties_voor_cent)) -> \(Format.euro(b.correcties_na_cent))\n"
                }
                if !b.verschillen.isEmpty {
                    out += "  Waar de berekening verandert:\n"
                    for d in b.verschillen { out += "    \(d.naam): \(d.voor) -> \(d.na)\(d.bron.map { "  [\($0)]" } ?? "")\n" }
                }
                if let trace = b.spoor_na {
                    out += "  Met de hervorming:\n" + RunTextRenderer.tree(trace, indent: "    ")
                }
            }
            out += "Totaal in de maand: \(Format.euro(m.totaal_voor_cent)) -> \(Format.euro(m.totaal_na_cent)) (\(signed(m.totaal_na_cent - m.totaal_voor_cent)))\n"
        }
        if !ongewijzigde_maanden.isEmpty { out += "\nOngewijzigd: \(Format.list(ongewijzigde_maanden.map(Format.month))).\n" }
        out += "\nSamen: \(Format.euro(totaal_voor_cent)) voor, \(Format.euro(totaal_na_cent)) na de hervorming (\(signed(totaal_na_cent - totaal_voor_cent))).\n"
        return out
    }

    private func signed(_ cents: Int64) -> String {
        cents == 0 ? "gelijk" : (cents > 0 ? "+ " : "- ") + Format.euro(abs(cents))
    }
}
