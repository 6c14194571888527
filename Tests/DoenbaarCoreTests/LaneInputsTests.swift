@testable import DoenbaarCore
import Testing

/// A block's inputs are its columns' values widened to raw `Fixed` values (`LaneInputs`).
@Suite struct LaneInputsTests {
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

}
