@testable import DoenbaarCore
import Testing

/// A comparison instruction carries its operator as a number: the builder writes the operator's
/// place in `ProgramBuilder.comparisons`, the engine reads it back through `ProgramBuilder.comparison`.
@Suite struct ComparisonNumberTests {
    @Test func everyComparisonHasANumberThatStandsForItAlone() throws {
        let all: [BinaryOperator] = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]
        #expect(ProgramBuilder.comparisons.count == 6)
        #expect(Set(ProgramBuilder.comparisons) == Set(all), "each comparison has a number, none has two")
        for op in all {
            let number = try #require(ProgramBuilder.comparisons.firstIndex(of: op))
            #expect(ProgramBuilder.comparison(Int64(number)) == op, "\(op)")
        }
    }
}
