import DoenbaarAnalysis
import DoenbaarCore
import Testing

/// A harm's lines are sorted by key and lines with the same key added up
/// (`Harm.init`). The sort compares one integer per line, with the names
/// ranked first; it must give exactly the order of `Harm.Key.<`, also with
/// more names than the ranks hold (then it compares the keys themselves).
@Suite struct HarmLinesTests {
    /// What `Harm.init` must give: the lines sorted by `Key.<`, equal keys added up, zero sums left out.
    static func expected(_ lines: [Harm.Line]) -> [Harm.Line] {
        var merged: [Harm.Line] = []
        for l in lines.sorted(by: { $0.key < $1.key }) {
            if let last = merged.last, last.key == l.key {
                merged[merged.count - 1] = Harm.Line(key: l.key, cents: last.cents + l.cents, belowProtectedCents: last.belowProtectedCents + l.belowProtectedCents)
            } else {
                merged.append(l)
            }
        }
        return merged.filter { $0.cents != 0 }
    }

    static func lines(names: Int, count: Int, seed: UInt64) -> [Harm.Line] {
        var random = SplitMix64(seed: seed)
        let bases: [Harm.Basis] = [.outcome, .probe]
        return (0..<count).map { _ in
            let key = Harm.Key(category: Harm.Category.allCases[Int(random.below(3))],
                               subject: "regeling_\(random.below(UInt64(names)))",
                               month: YearMonth(year: 2023 + Int(random.below(3)), month: 1 + Int(random.below(12))),
                               basis: bases[Int(random.below(2))])
            // Amounts that sometimes cancel, so that some keys add up to nothing.
            return Harm.Line(key: key, cents: Int64(random.below(5)) * 100 - 200, belowProtectedCents: Int64(random.below(3)))
        }
    }

    @Test func linesAreInTheOrderOfTheirKeysAndAddedUp() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let lines = Self.lines(names: 6, count: 300, seed: seed)
            let harm = Harm(lines)
            #expect(harm.lines == Self.expected(lines), "zaad \(seed)")
        }
    }

    @Test func moreNamesThanRanksStillSortByKey() {
        // 2.000 lines over up to 1.500 names: more than the 1.024 ranks.
        let lines = Self.lines(names: 1_500, count: 2_000, seed: 7)
        #expect(Set(lines.map(\.key.subject)).count >= 1_024)
        #expect(Harm(lines).lines == Self.expected(lines))
    }
}
