/// One event, one knelpunt. Detectors look at a person's runs through
/// different lenses, and two of them can find the same money: a recovery in
/// one go is both disproportionate and an income shock; a stay abroad after a
/// death in the family both fails the calamity intent and is a choice trap.
/// Findings of one person whose harm shares a line are one event: the first
/// of them keeps it, the others become its lenses. Detectors run in the order
/// of `Detectors.all`, which puts the one naming the cause most directly first.
public enum SharedEvents {
    /// The findings of one person, in detector order, with every group that shares money merged.
    public static func merge(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        // Union-find over findings whose harm overlaps.
        var parent = Array(findings.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for i in findings.indices {
            for j in findings.indices where j > i && findings[i].harm.overlaps(findings[j].harm) {
                parent[root(j)] = root(i)
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in findings.indices { groups[root(i), default: []].append(i) }
        var out: [(Int, Finding)] = []
        for members in groups.values {
            let lead = members.min()!
            var merged = findings[lead]
            for i in members.sorted() where i != lead {
                let other = findings[i]
                merged.lenses.append(Lens(kind: other.kind, key: other.key, topic: other.topic, story: other.story, harm: other.harm))
                merged.lenses += other.lenses
                merged.harm = merged.harm.adding(other.harm)
                merged.severity = max(merged.severity, other.severity)
                for p in other.provisions where !merged.provisions.contains(p) { merged.provisions.append(p) }
            }
            out.append((lead, merged))
        }
        return out.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
