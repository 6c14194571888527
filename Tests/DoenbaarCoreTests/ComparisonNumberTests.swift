@testable import DoenbaarCore
import Testing

/// A comparison instruction carries its operator as a number (`ProgramBuilder.comparisons`);
/// the engine reads it back through `ProgramBuilder.comparison`, which must say the same.
@Suite struct ComparisonNumberTests {
    @Test func everyNumberStandsForTheOperatorTheListGivesIt() {
        for (number, op) in ProgramBuilder.comparisons.enumerated() {
            #expect(ProgramBuilder.comparison(Int64(number)) == op, "\(number)")
        }
        #expect(ProgramBuilder.comparisons.count == 6)
    }
}
