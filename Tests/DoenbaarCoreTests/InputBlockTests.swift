@testable import DoenbaarCore
import Testing

/// What an input run does with one block of lanes besides evaluating it: its inputs are
/// its columns' values widened to raw `Fixed` values (`LaneInputs`), and each output's
/// values in a month are summed (`InputRun.sum`).
@Suite struct InputBlockTests {
    /// Cents stored in 64 bits whose values all lie below 2^32 widen by a 32-bit multiplication
    /// (`InputColumn.storesUnsigned32`); the values are those of the 64-bit one, up to the edge.
    @Test func smallNonNegativeCentsWidenToTheSameRawValues() throws {
        let values: [Int64] = [0, 1, 99_999, 4_294_967_295, 123_456_789, 7]
        let column = InputColumn.cents(values)
        let columns = try InputColumns(persons: values.count, months: 1, columns: [column])
        #expect(column.storesUnsigned32(columns.ranges[0]))
        #expect(!column.storesUnsigned32(0...(4_294_967_296 * 10_000)))
        #expect(!column.storesUnsigned32(-10_000...10_000))
        let narrow = UnsafeMutablePointer<Int64>.allocate(capacity: values.count), wide = UnsafeMutablePointer<Int64>.allocate(capacity: values.count)
        defer { narrow.deallocate(); wide.deallocate() }
        column.widen(from: 0, count: values.count, into: narrow, unsigned32: true)
        column.widen(from: 0, count: values.count, into: wide, unsigned32: false)
        #expect(Array(UnsafeBufferPointer(start: narrow, count: values.count)) == values.map { $0 * 10_000 })
        #expect(Array(UnsafeBufferPointer(start: wide, count: values.count)) == values.map { $0 * 10_000 })
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
