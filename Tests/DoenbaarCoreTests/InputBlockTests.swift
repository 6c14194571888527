@testable import DoenbaarCore
import Testing

/// What an input run does with one block of lanes besides evaluating it: its inputs are
/// its columns' values widened to raw `Fixed` values (`LaneInputs`), and each output's
/// values in a month are summed (`InputRun.sum`).
@Suite struct InputBlockTests {
    /// A column is kept in the narrowest width that holds its values (`InputColumn.narrowed`),
    /// and widens to the raw values of the column as it was given, up to each width's edges.
    @Test func columnsAreKeptNarrowAndWidenToTheValuesGiven() throws {
        let cases: [(values: [Int64], element: InputColumn.Element)] = [
            ([0, 1, 255, 7], .uint8),
            ([0, 256, 25_600, 65_535], .uint16),
            ([0, 65_536, 300_000, 1], .int32),
            ([-1, 0, 12_345], .int32),
            ([Int64(Int32.min), Int64(Int32.max)], .int32),
            ([0, Int64(Int32.max) + 1], .int64),
            ([-(Int64(Int32.max) + 2), 0], .int64),
        ]
        for (values, element) in cases {
            let columns = try InputColumns(persons: values.count, months: 1, columns: [InputColumn.cents(values)])
            #expect(columns.columns[0].element == element, "\(values)")
            #expect(columns.ranges[0] == values.min()! * 10_000...values.max()! * 10_000)
            let out = UnsafeMutablePointer<Int64>.allocate(capacity: values.count)
            defer { out.deallocate() }
            columns.columns[0].widen(from: 0, count: values.count, into: out)
            #expect(Array(UnsafeBufferPointer(start: out, count: values.count)) == values.map { $0 * 10_000 }, "\(values)")
        }
        // Whole numbers given in 32 bits and flags in a byte narrow the same way.
        let days = try InputColumns(persons: 3, months: 1, columns: [.whole([0, 31, 12]), .flags([true, false, true])])
        #expect(days.columns.map(\.element) == [.uint8, .uint8])
        let out = UnsafeMutablePointer<Int64>.allocate(capacity: 3)
        defer { out.deallocate() }
        days.columns[0].widen(from: 1, count: 2, into: out)
        #expect(Array(UnsafeBufferPointer(start: out, count: 2)) == [31 * Fixed.scale, 12 * Fixed.scale])
    }

    /// Sums in 64 bits, 256 lanes at a time, as exact as in 128 bits up to the largest values a
    /// month's total can hold (31 days of a billion euros); the mark anywhere is a failure.
    @Test func aBlocksSumIsExactUpToTheLargestTotalsAndSeesTheMark() {
        let largest = 31 * ValueSemantics.maximumMagnitude
        for count in [0, 1, 255, 256, 257, 1_000, 4_096] {
            let values = (0..<count).map { $0 % 3 == 2 ? -largest : largest }
            let (sum, failed) = values.withUnsafeBufferPointer { InputRun.sum($0) }
            #expect(sum == values.reduce(Int128(0)) { $0 + Int128($1) })
            #expect(!failed)
        }
        let all = [Int64](repeating: largest, count: 1_000)
        #expect(all.withUnsafeBufferPointer { InputRun.sum($0) }.sum == Int128(largest) * 1_000)
        var marked = all
        marked[777] = ValueSemantics.failed
        #expect(marked.withUnsafeBufferPointer { InputRun.sum($0) }.failed)
    }

}
