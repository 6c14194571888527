import DoenbaarAnalysis
import DoenbaarCore

/// The terminal view of a persona's analysis: the ideal and the realistic
/// path side by side, what the person does on the realistic path, and the
/// harsh effects found, each with its evidence and the rung that solves it.
public enum AnalysisTextRenderer {
    public static func render(_ a: Analyzer.PersonaAnalysis) -> String {
        var out = "\n== Twee paden ==\n"
        out += "Ideaal: alles op tijd gemeld. Realistisch: wat \(a.persona.name) met het eigen doenvermogen waarschijnlijk doet.\n"
        out += "Netto per maand: inkomen uit werk plus uitkeringen, correcties en boetes.\n\n"
        let recorded = IncomeSeries(run: a.recorded, persona: a.persona)
        let ideal = IncomeSeries(run: a.ideal, persona: a.persona)
        let realistic = IncomeSeries(run: a.realistic, persona: a.persona)
        var rows = [["maand", "zoals beschreven", "ideaal", "realistisch", "kloof"]]
        for m in ideal.months {
            let r = recorded.month(m.month)
            let x = realistic.month(m.month)
            let gap = m.netCents - (x?.netCents ?? 0)
            rows.append([m.month.description, r.map { ValueFormatting.cents($0.netCents) } ?? "",
                         ValueFormatting.cents(m.netCents), x.map { ValueFormatting.cents($0.netCents) } ?? "",
                         gap == 0 ? "" : ValueFormatting.cents(gap)])
        }
        rows.append(["totaal", "", ValueFormatting.cents(ideal.totalCents), ValueFormatting.cents(realistic.totalCents),
                     ValueFormatting.cents(ideal.totalCents - realistic.totalCents)])
        out += TextTable.render(rows)
        let missed = a.realisticDecisions.filter { !$0.judgement.met }
        if !missed.isEmpty {
            out += "\nOp het realistische pad niet nagekomen:\n"
            for d in missed {
                let stress = d.judgement.stress.isEmpty ? "" : "; stress: " + d.judgement.stress.map(\.dutch).joined(separator: ", ")
                out += "  \(d.obligation.label ?? d.obligation.name), \(d.from.dutch): vraagt niveau \(d.judgement.required) voor \(FindingProse.capacities(d.judgement.shortParts))\(stress)\n"
            }
        }
        out += "\n== Bevindingen ==\n"
        if a.findings.isEmpty { out += "Geen hardvochtige effecten gevonden.\n" }
        for (i, f) in a.findings.enumerated() {
            out += "\n\(i + 1). \(f.kind.title) (ernst \(f.severity.dutch)), \(f.from.dutch)\(f.through != f.from ? " tot en met \(f.through.dutch)" : "")\n"
            out += "   \(FindingProse.title(f.topic))\n"
            out += "   \(FindingProse.story(f))\n"
            if !f.harm.isEmpty { out += "   Schade: \(Schade(f.harm).sentence()), in \(f.months) maand\(f.months == 1 ? "" : "en").\n" }
            for lens in f.lenses { out += "   Ook gezien als \(lens.kind.title.lowercased()): \(FindingProse.story(lens, persona: f.personaName))\n" }
            if !f.provisions.isEmpty { out += "   Bepalingen: " + f.provisions.map { "\(FindingProse.name($0)) [\($0.source)]" }.joined(separator: "; ") + "\n" }
            if let note = FindingProse.capacity(f) { out += "   Doenvermogen: \(note)\n" }
            if let action = FindingProse.avoidance(f) { out += "   Anders handelen: \(action)\n" }
            out += "   Oplossing: trede \(f.rung.rawValue), \(f.rung.dutch) — \(FindingProse.reason(f))\n"
            out += "   Richting: \(FindingProse.direction(f))\n"
            for e in f.evidence.prefix(1) { out += "   Bewijs:\n" + RunTextRenderer.tree(RenderedTrace(e), indent: "     ") }
        }
        return out
    }
}

/// A plain text table: first column left, the others right-aligned.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { c in rows.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == 0 ? cell + String(repeating: " ", count: widths[c] - cell.count)
                       : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
