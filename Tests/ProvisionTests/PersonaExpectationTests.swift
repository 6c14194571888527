import DoenbaarCore
import DoenbaarTesting
import Testing

/// Every persona's stated outcomes, one test case per persona: a failure names
/// the persona, the month and the benefit.
@Suite(.tags(.personas)) struct PersonaExpectationTests {
    static let personaIDs: [String] = (try? RuleBook.bundled().allPersonas().map(\.id)) ?? []

    @Test func thereArePersonasToRun() throws {
        #expect(try RuleBook.bundled().allPersonas().count >= 1)
    }

    @Test(arguments: personaIDs)
    func personaMeetsItsStatedExpectations(_ id: String) throws {
        // As `doenbaar check` holds them, the lines under a reform (`met hervorming`) included.
        for message in try RuleBook.bundled().unmetExpectations(named: id) {
            Issue.record(Comment(rawValue: message))
        }
    }
}
