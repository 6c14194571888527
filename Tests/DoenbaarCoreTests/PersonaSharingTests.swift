@testable import DoenbaarCore
import Testing

/// A persona keeps its parts behind one reference (copied before a write where shared), and
/// compares its lines field by field in place (`PersonaRecord.same`): both must keep the
/// meaning of a plain value and of `==` on every line.
@Suite struct PersonaSharingTests {
    @Test func aCopyWrittenToLeavesTheOriginalAlone() {
        var original = persona("ingrid")
        original.records = [income("2025-01", "900,00", Knowledge(reported: date("2025-02-08")))]
        var copy = original
        #expect(copy == original)
        copy.records[0].value = euro("950,00").raw
        copy.capacity[.plan] = 1
        #expect(original.records[0].value == euro("900,00").raw, "de kopie schreef in het origineel")
        #expect(original.capacity[.plan] == 3)
        #expect(copy != original)
        copy.records[0].value = euro("900,00").raw
        copy.capacity[.plan] = 3
        #expect(copy == original, "gelijke delen, andere opslag: toch gelijk")
    }

    /// Every field of a line changed on its own: `same` finds the difference that `==` finds.
    @Test func linesCompareInPlaceAsEqualityDoes() {
        let line = PersonaRecord(kind: "verblijf", shape: .period, role: .absence, reportable: true, from: date("2025-03-03"),
                                 through: date("2025-03-21"), value: 1, attributes: ["reden": 2],
                                 knowledge: Knowledge(reported: date("2025-02-20")),
                                 earnedBy: PeriodReference(kind: "verblijf", from: date("2025-01-06")))
        var changed: [PersonaRecord] = []
        func with(_ change: (inout PersonaRecord) -> Void) { var l = line; change(&l); changed.append(l) }
        with { $0.kind = "vakantie" }
        with { $0.shape = .month }
        with { $0.role = .workIncome }
        with { $0.reportable = false }
        with { $0.from = date("2025-03-04") }
        with { $0.through = date("2025-03-20") }
        with { $0.value = 2 }
        with { $0.attributes = ["reden": 3] }
        with { $0.knowledge.reported = nil }
        with { $0.knowledge.discovered = date("2025-06-01") }
        with { $0.earnedBy = nil }
        with { $0.range = SourceRange(fileID: 7, start: 1, end: 2) }
        for other in changed {
            #expect([line] != [other])
            #expect(!PersonaRecord.same([line], [other]), "\(other): een veld dat == ziet, ziet same niet")
        }
        #expect(PersonaRecord.same([line] + changed, [line] + changed))
        #expect(!PersonaRecord.same([line], [line, line]))
    }
}
