import DoenbaarCore

/// The terminal view of a persona run: a month-by-month table, then per month
/// the explanation of every payment with the articles behind it.
public enum RunTextRenderer {
    public static func render(_ run: PersonaRun, benefits allBenefits: [String], explain: Bool = true) -> String {
        // Only the benefits the persona meets in this run; the JSON keeps them all.
        let benefits = allBenefits.filter { name in run.months.contains { m in
            m.benefit(name).map { $0.paidCents != 0 || !$0.corrections.isEmpty } ?? false
        } }
        var out = "Persona: \(run.personaName) (\(run.personaID)), staat voor \(run.weight) \(run.weight == 1 ? "persoon" : "personen")\n"
        out += "Periode: \(run.range.firstMonth.dutch) t/m \(run.range.lastMonth.dutch)\n\n"
        out += table(run, benefits: benefits)
        guard explain else { return out }
        for month in run.months {
            out += "\n== \(month.month.dutch) ==\n"
            for b in month.benefits where benefits.contains(b.benefit) {
                out += "\(b.benefit): betaald \(ValueFormatting.cents(b.paidCents))"
                if !b.deductions.isEmpty {
                    out += " (bruto \(ValueFormatting.cents(b.grossCents)), kortingen " + b.deductions.map { "\($0.rule) \(ValueFormatting.cents($0.cents))" }.joined(separator: ", ") + ")"
                }
                out += "\n"
                out += tree(RenderedTrace(b.trace), indent: "  ")
                for c in b.corrections {
                    out += "  \(c.kind) over \(c.forMonth.dutch): \(ValueFormatting.cents(c.cents)) — nu bekend:\n"
                    out += tree(RenderedTrace(c.trace), indent: "    ")
                }
            }
            for f in month.fines { out += "Boete \(f.obligation): \(ValueFormatting.cents(f.cents)) (\(f.source)), over de periode vanaf \(f.forPeriodStart.dutch)\n" }
            for m in month.missedObligations {
                out += "Verplichting niet nagekomen: \(m.obligation) (\(m.source)), \(m.from.dutch) t/m \(m.through.dutch); vraagt \(m.demands.map(\.rawValue).joined(separator: ", ")); gevolg: \(m.consequences.joined(separator: ", "))\n"
            }
            for i in month.intents {
                guard let holds = i.holds else { continue }
                out += "Bedoeling \(i.intent): \(holds ? "gehaald" : "NIET gehaald") — \(i.text) (\(i.source))\n"
            }
        }
        return out
    }

    static func table(_ run: PersonaRun, benefits: [String]) -> String {
        let header = ["maand"] + benefits + ["correcties", "boetes", "totaal"]
        var rows: [[String]] = [header]
        for m in run.months {
            var row = [m.month.description]
            for name in benefits {
                row.append(m.benefit(name).map { ValueFormatting.cents($0.paidCents) } ?? "-")
            }
            let corrections = m.benefits.flatMap(\.corrections).reduce(0) { $0 + $1.cents }
            row.append(corrections == 0 ? "" : ValueFormatting.cents(corrections))
            let fines = m.fines.reduce(0) { $0 + $1.cents }
            row.append(fines == 0 ? "" : ValueFormatting.cents(-fines))
            row.append(ValueFormatting.cents(m.totalCents))
            rows.append(row)
        }
        return TextTable.render(rows)
    }

    static func tree(_ node: RenderedTrace, indent: String) -> String {
        var line = "\(indent)\(node.soort) \(node.naam) = \(node.waarde)"
        if let s = node.bron, !s.isEmpty { line += "  [\(s)]" }
        if let n = node.toelichting { line += "  (\(n))" }
        var out = line + "\n"
        for child in node.onderdelen { out += tree(child, indent: indent + "  ") }
        return out
    }
}
