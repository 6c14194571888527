import DoenbaarCore

/// Questions a tester asks of a run, in the words of the law: what was paid,
/// corrected or fined in a month, and which articles explain it.
extension PersonaRun {
    /// The outcome of one month written as `JJJJ-MM`; nil outside the run.
    public func outcome(_ month: String) -> MonthOutcome? {
        YearMonth(iso: month).flatMap { self.month($0) }
    }

    /// What a benefit paid for this month itself, in cents (corrections and fines apart).
    public func payment(_ benefit: String, in month: String) -> Int64? {
        outcome(month)?.benefit(benefit)?.paidCents
    }

    /// Back-payments (positive) and recoveries (negative) booked in this month.
    public func corrections(_ benefit: String, in month: String) -> [Correction] {
        outcome(month)?.benefit(benefit)?.corrections ?? []
    }

    /// Fines imposed in this month, in cents.
    public func fines(in month: String) -> Int64 {
        outcome(month)?.fines.reduce(0) { $0 + $1.cents } ?? 0
    }

    /// Everything paid out in this month, less fines (see `MonthOutcome.totalCents`).
    public func total(in month: String) -> Int64? {
        outcome(month)?.totalCents
    }

    /// The explanation tree of a benefit's payment in a month.
    public func trace(_ benefit: String, in month: String) -> TraceNode? {
        outcome(month)?.benefit(benefit)?.trace
    }

    /// Whether an intent held (true), failed (false) or did not apply (nil) in a month.
    public func intent(_ name: String, in month: String) -> Bool? {
        outcome(month)?.intents.first { $0.intent == name }?.holds
    }
}

extension TraceNode {
    /// Every source cited anywhere in this tree, in order of appearance.
    public var citedSources: [String] {
        var out: [String] = []
        func walk(_ n: TraceNode) {
            if let s = n.source, !s.isEmpty { out.append(s) }
            n.children.forEach(walk)
        }
        walk(self)
        return out
    }

    /// Whether some node of the tree cites this text (e.g. "art. 19 lid 1").
    public func cites(_ text: String) -> Bool { citedSources.contains { $0.contains(text) } }

    /// The first node with this name, searched depth-first.
    public func node(named name: String) -> TraceNode? {
        if self.name == name { return self }
        for c in children { if let n = c.node(named: name) { return n } }
        return nil
    }
}

/// Euro text as a tester writes it ("1.125,00", "-350", "€ 30,00") to cents.
public func euro(_ text: String) -> Int64 {
    var t = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ".", with: "")
    let negative = t.hasPrefix("-")
    if negative { t.removeFirst() }
    let parts = t.split(separator: ",", omittingEmptySubsequences: false)
    precondition(parts.count <= 2 && !parts[0].isEmpty && (parts.count == 1 || parts[1].count <= 2),
                 "euro(\"\(text)\"): schrijf een bedrag als 1.125,00")
    let whole = Int64(parts[0])!
    let cents = parts.count == 2 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
    return (negative ? -1 : 1) * (whole * 100 + cents)
}
