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
        let book = try RuleBook.bundled()
        let persona = try book.persona(named: id)
        let run = try book.run(persona)
        for mismatch in run.unmetExpectations(of: persona) {
            Issue.record(Comment(rawValue: mismatch.description))
        }
    }
}
