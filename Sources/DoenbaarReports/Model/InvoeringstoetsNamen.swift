import DoenbaarAnalysis
import DoenbaarCore

/// How the invoeringstoets names declarations in prose: by their label, never
/// by the identifier (that goes in code spans only).
enum InvoeringstoetsNamen {
    /// A declaration by name: what kind it is and where it comes from in the law.
    static func declaration(_ name: String, in rules: RuleSet) -> (soort: String, provenance: Provenance)? {
        if let v = rules.values.first(where: { $0.name == name }) { return (v.isRule ? "regel" : "definitie", v.provenance) }
        for v in rules.values { if let x = v.exceptions.first(where: { $0.name == name }) { return ("uitzondering", x.provenance) } }
        if let o = rules.obligations.last(where: { $0.name == name }) { return ("verplichting", o.provenance) }
        if let d = rules.discretions.last(where: { $0.name == name }) { return ("beleidsruimte", d.provenance) }
        if let i = rules.intents.last(where: { $0.name == name }) { return ("bedoeling", i.provenance) }
        if let b = rules.benefits.first(where: { $0.name == name }) { return ("uitkering", b.provenance) }
        if let p = rules.parameters.first(where: { $0.name == name }) { return ("parameter", p.provenance) }
        if let i = rules.inputs.first(where: { $0.name == name }) { return ("invoer", i.provenance) }
        return nil
    }

    /// The label of a name in the first rule set that gives one.
    static func label(_ name: String, _ rules: [RuleSet]) -> String? {
        for r in rules { if let l = r.label(of: name), !l.isEmpty { return l } }
        return nil
    }

    /// The declarations a knelpunt rests on: its provisions and the names in its key (`soort:a+b`).
    static func names(of k: Knelpunt) -> [String] {
        var names = k.provisions.map(\.name)
        if let colon = k.key.firstIndex(of: ":") {
            names += k.key[k.key.index(after: colon)...].split(separator: "+").map(String.init)
        }
        return names
    }
}
