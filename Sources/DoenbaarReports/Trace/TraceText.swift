import DoenbaarCore

/// An explanation tree in Dutch: the words of its values and notes. The only
/// place a trace becomes text; the engine and the analysis keep it typed.
public enum TraceText {
    public static func value(_ v: TraceValue) -> String {
        switch v {
        case .one(let raw, let type): return format(raw, type)
        case .days(let values, let type, let month): return days(values, type, month)
        case .notComputed: return "niet berekend"
        case .unknown: return "onbekend"
        case .standardValue: return "standaardwaarde"
        case .noValue: return "geen waarde"
        case .notTraced: return ""
        }
    }

    /// The notes of a node, joined; nil when it has none.
    public static func notes(_ notes: [TraceNote]) -> String? {
        notes.isEmpty ? nil : notes.map(note).joined(separator: "; ")
    }

    public static func note(_ n: TraceNote) -> String {
        switch n {
        case .decidedByException(let name, let source, let days):
            return "uitzondering '\(name)' (\(source)) bepaalde de waarde" + (days.map { " op \(count($0))" } ?? "")
        case .notApplicable(let why, let days):
            let reason: String
            switch why {
            case .conditionNotMet: reason = "voorwaarde niet vervuld"
            case .outsideValidity(let v): reason = "buiten de geldigheid: \(v.dutch)"
            case .conditionNotMetOrOutside(let v): reason = "voorwaarde niet vervuld of buiten de geldigheid (\(v.dutch))"
            }
            return "niet van toepassing, \(reason)" + (days.map { " op \(count($0))" } ?? "")
        case .rounded(let rounding, let toCents):
            return "afgerond \(rounding.rawValue) op \(toCents ? "centen" : "hele eenheden")"
        case .seeAbove:
            return "zie hierboven"
        case .validFrom(let day):
            return "geldt vanaf \(day.dutch)"
        case .forPeriodFrom(let day):
            return "over de periode vanaf \(day.dutch)"
        case .explanation(let text):
            return text
        case .deductionsExceedGross(let deducted, let gross):
            return "kortingen (\(ValueFormatting.money(deducted))) zijn hoger dan het bruto bedrag (\(ValueFormatting.money(gross))): er wordt niets betaald, niet minder dan niets"
        }
    }

    static func format(_ raw: Int64, _ type: TraceType) -> String {
        if case .enumeration = type.type {
            return raw >= 0 && Int(raw) < type.cases.count ? type.cases[Int(raw)] : "#\(raw)"
        }
        return ValueFormatting.format(raw, type.type)
    }

    static func count(_ days: Int) -> String { "\(days) dag\(days == 1 ? "" : "en")" }

    /// Daily values as one value, as runs of days, as counts per value, or as
    /// a range when they differ from day to day.
    static func days(_ values: [Int64?], _ type: TraceType, _ month: YearMonth) -> String {
        let computed = values.enumerated().compactMap { i, v in v.map { (day: i, value: $0) } }
        guard let first = computed.first else { return "niet berekend" }
        var distinct: [(value: Int64, count: Int)] = []
        for c in computed {
            if let i = distinct.firstIndex(where: { $0.value == c.value }) { distinct[i].count += 1 } else { distinct.append((c.value, 1)) }
        }
        if distinct.count == 1 {
            return format(first.value, type) + (computed.count == values.count ? " (hele maand)" : " (op \(count(computed.count)))")
        }
        // Runs of consecutive computed days with one value.
        var runs: [(first: Int, last: Int, value: Int64)] = []
        for c in computed {
            if let last = runs.last, last.value == c.value, last.last == c.day - 1 { runs[runs.count - 1].last = c.day } else { runs.append((c.day, c.day, c.value)) }
        }
        let monthName = YearMonth.monthNames[month.month - 1]
        if runs.count <= 4 {
            return runs.map { r in
                let days = r.first == r.last ? "\(r.first + 1) \(monthName)" : "\(r.first + 1)–\(r.last + 1) \(monthName)"
                return "\(days): \(format(r.value, type))"
            }.joined(separator: "; ")
        }
        if distinct.count <= 4 {
            return distinct.map { "\(format($0.value, type)) op \(count($0.count))" }.joined(separator: "; ")
        }
        let sorted = computed.map(\.value).sorted()
        return "per dag verschillend, van \(format(sorted.first!, type)) tot en met \(format(sorted.last!, type))"
    }
}

/// A trace as the reports show it: the words of `TraceText`, with the field
/// names of the reports' JSON.
public struct RenderedTrace: Codable, Sendable, Hashable {
    public let soort: String
    public let naam: String
    public let bron: String?
    public let waarde: String
    public let toelichting: String?
    public let onderdelen: [RenderedTrace]

    public init(_ node: TraceNode) {
        self.init(soort: node.kind.rawValue, naam: node.name, bron: node.source, waarde: TraceText.value(node.value),
                  toelichting: TraceText.notes(node.notes), onderdelen: node.children.map(RenderedTrace.init))
    }

    public init(soort: String, naam: String, bron: String? = nil, waarde: String, toelichting: String? = nil, onderdelen: [RenderedTrace] = []) {
        self.soort = soort
        self.naam = naam
        self.bron = bron
        self.waarde = waarde
        self.toelichting = toelichting
        self.onderdelen = onderdelen
    }
}
