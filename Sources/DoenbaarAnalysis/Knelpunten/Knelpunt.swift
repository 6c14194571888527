import DoenbaarCore

/// A bottleneck: findings of one kind and cause, gathered across personas.
/// How many people it plausibly hits is the sum of the personas' weights (an
/// estimate: each persona stands for a group); how hard, their harm, kept
/// apart by kind of money.
public struct Knelpunt: Sendable {
    public let key: String
    /// What it is about (its title is written from it): the topic of its leading finding.
    public let topic: FindingTopic
    public let kind: FindingKind
    public let severity: Severity
    /// The most severe first: the first leads (its topic, its direction).
    public let findings: [Finding]
    public let provisions: [ProvisionReference]
    /// The lowest rung any of its findings can use, with its discretion point or articles.
    public let solution: RungChoice

    public var rung: SolutionRung { solution.rung }
    public var lead: Finding { findings[0] }

    /// People hit: the weights of the distinct personas.
    public var reach: Int {
        var seen = Set<String>()
        return findings.reduce(0) { seen.insert($1.personaID).inserted ? $0 + $1.weight : $0 }
    }
    public var personas: [String] { Array(Set(findings.map(\.personaName))).sorted() }
    /// Per persona the harm of its findings together (money two findings
    /// share counted once), and its weight.
    public var personaHarms: [(id: String, harm: Harm, weight: Int)] {
        var by: [String: (Harm, Int)] = [:]
        for f in findings { by[f.personaID] = ((by[f.personaID]?.0 ?? .none).union(f.harm), f.weight) }
        return by.keys.sorted().map { ($0, by[$0]!.0, by[$0]!.1) }
    }
    /// Per person, the smallest and the largest amount of one kind of money
    /// (a loss: lost entitlement and fines together).
    public func range(_ amount: (Harm) -> Int64) -> ClosedRange<Int64> {
        let amounts = personaHarms.map { amount($0.harm) }
        return (amounts.min() ?? 0)...(amounts.max() ?? 0)
    }
    /// An amount across everyone the personas stand for.
    public func total(_ amount: (Harm) -> Int64) -> Int64 { personaHarms.reduce(0) { $0 + amount($1.harm) * Int64($1.weight) } }
    /// The years in which its money moves.
    public var years: [Int] { Array(Set(findings.flatMap(\.harm.years))).sorted() }
    public var months: Int { findings.map(\.months).max() ?? 0 }
    /// Ordering: severity times reach.
    public var score: Int { severity.rawValue * reach }

    /// Knelpunten from the findings of many personas, most urgent first.
    public static func gather(_ findings: [Finding]) -> [Knelpunt] {
        var groups: [String: [Finding]] = [:]
        for f in findings { groups[f.key, default: []].append(f) }
        let knelpunten = groups.map { key, fs -> Knelpunt in
            let sorted = fs.sorted { ($0.severity, $0.harm.lossCents + $0.harm.repaymentCents, $0.personaID) > ($1.severity, $1.harm.lossCents + $1.harm.repaymentCents, $1.personaID) }
            let lead = sorted[0]
            var provisions: [ProvisionReference] = []
            for f in sorted { for p in f.provisions where !provisions.contains(p) { provisions.append(p) } }
            // The lowest rung any of its findings can use: first what the law already allows.
            let best = sorted.min { $0.rung < $1.rung } ?? lead
            return Knelpunt(key: key, topic: lead.topic, kind: lead.kind, severity: sorted.map(\.severity).max() ?? lead.severity,
                            findings: sorted, provisions: Array(provisions.prefix(6)), solution: best.solution)
        }
        func money(_ k: Knelpunt) -> Int64 { k.total { $0.lossCents + $0.repaymentCents } }
        return knelpunten.sorted { ($0.score, money($0), $1.key) > ($1.score, money($1), $0.key) }
    }
}
