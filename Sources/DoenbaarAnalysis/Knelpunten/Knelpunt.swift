import DoenbaarCore

/// A bottleneck: findings of one kind and cause, gathered across personas.
/// How many people it plausibly hits is the sum of the personas' weights (an
/// estimate: each persona stands for a group); how hard, their harm.
public struct Knelpunt: Sendable {
    public let key: String
    public let title: String
    public let kind: FindingKind
    public let severity: Severity
    public let findings: [Finding]
    public let provisions: [ProvisionReference]
    public let rung: SolutionRung
    public let rungReason: String
    public let direction: String

    /// People hit: the weights of the distinct personas.
    public var reach: Int {
        var seen = Set<String>()
        return findings.reduce(0) { seen.insert($1.personaID).inserted ? $0 + $1.weight : $0 }
    }
    public var personas: [String] { Array(Set(findings.map(\.personaName))).sorted() }
    /// Harm per person: the smallest and the largest.
    public var harmRange: ClosedRange<Int64> {
        let harms = personaHarms.map(\.cents)
        return (harms.min() ?? 0)...(harms.max() ?? 0)
    }
    /// Per persona the harm of its findings together, and its weight.
    public var personaHarms: [(id: String, cents: Int64, weight: Int)] {
        var by: [String: (Int64, Int)] = [:]
        for f in findings { by[f.personaID, default: (0, f.weight)].0 += f.harmCents }
        return by.keys.sorted().map { ($0, by[$0]!.0, by[$0]!.1) }
    }
    /// The money involved across everyone the personas stand for.
    public var totalHarmCents: Int64 { personaHarms.reduce(0) { $0 + $1.cents * Int64($1.weight) } }
    public var months: Int { findings.map(\.months).max() ?? 0 }
    /// Ordering: severity times reach.
    public var score: Int { severity.rawValue * reach }

    /// Knelpunten from the findings of many personas, most urgent first.
    public static func gather(_ findings: [Finding]) -> [Knelpunt] {
        var groups: [String: [Finding]] = [:]
        for f in findings { groups[f.key, default: []].append(f) }
        let knelpunten = groups.map { key, fs -> Knelpunt in
            let sorted = fs.sorted { ($0.severity, $0.harmCents, $0.personaID) > ($1.severity, $1.harmCents, $1.personaID) }
            let lead = sorted[0]
            var provisions: [ProvisionReference] = []
            for f in sorted { for p in f.provisions where !provisions.contains(p) { provisions.append(p) } }
            // The lowest rung any of its findings can use: first what the law already allows.
            let best = sorted.min { $0.rung < $1.rung } ?? lead
            return Knelpunt(key: key, title: lead.title, kind: lead.kind, severity: sorted.map(\.severity).max() ?? lead.severity,
                            findings: sorted, provisions: Array(provisions.prefix(6)), rung: best.rung, rungReason: best.rungReason,
                            direction: lead.direction)
        }
        return knelpunten.sorted { ($0.score, $0.totalHarmCents, $1.key) > ($1.score, $1.totalHarmCents, $0.key) }
    }
}
