/// The inputs of an input run (`InputRun`): for every `invoer` of a rule set
/// one column of values, one per person or one per person per month
/// (month-major: all persons of the first month, then all of the second, ...).
///
/// A column is kept in the narrowest width that holds every value it has
/// (a byte for ja/nee and day counts, two for a daily wage in cents, four for
/// a month's income in cents), found in the one pass that finds its range: a
/// run widens one block of lanes at a time (`LaneInputs`), so the inputs are
/// held in memory once, and a block reads a third of the bytes 64-bit cents
/// and 32-bit counts would take.
public struct InputColumns: Sendable {
    public let persons: Int
    public let months: Int
    /// By input index of the rule set.
    public let columns: [InputColumn]
    /// Per column: the smallest and largest raw value, found in one pass when the
    /// columns are made (a ja/nee column must hold only 0 and 1).
    public let ranges: [ClosedRange<Int64>]

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// - Parameter names: per column, what to call it in a message.
    public init(persons: Int, months: Int, columns: [InputColumn], names: [String]? = nil) throws(Failure) {
        var ranges: [ClosedRange<Int64>] = [], narrow: [InputColumn] = []
        for (i, column) in columns.enumerated() {
            let name = names?[i] ?? "kolom \(i + 1)"
            guard column.count == persons || column.count == persons * months else {
                throw Failure(description: "\(name) heeft \(column.count) waarden; verwacht \(persons) (per persoon) of \(persons * months) (per persoon per maand)")
            }
            let stored = column.storedRange()
            guard let range = column.raw(stored) else {
                throw Failure(description: "\(name) heeft een waarde die te groot is om mee te rekenen")
            }
            ranges.append(range)
            narrow.append(column.narrowed(holding: stored))
        }
        self.persons = persons
        self.months = months
        self.columns = narrow
        self.ranges = ranges
    }
}

/// Bytes owned for the lifetime of the columns that read them; written once
/// while loading, read-only afterwards (so it may be shared between threads).
public final class ColumnStorage: @unchecked Sendable {
    public let bytes: UnsafeMutableRawBufferPointer

    /// Uninitialised, 64-byte aligned; the loader fills it.
    public init(byteCount: Int) {
        bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(byteCount, 1), alignment: 64)
    }

    public convenience init<T: FixedWidthInteger>(_ values: [T]) {
        self.init(byteCount: values.count * MemoryLayout<T>.stride)
        values.withUnsafeBytes { source in
            if let base = source.baseAddress { bytes.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
    }

    deinit { bytes.deallocate() }
}

public struct InputColumn: Sendable {
    /// How one stored value is laid out.
    public enum Element: Sendable, Hashable {
        case int64, int32, uint16, uint8
        public var byteCount: Int {
            switch self {
            case .int64: return 8
            case .int32: return 4
            case .uint16: return 2
            case .uint8: return 1
            }
        }

        /// The narrowest element that holds every stored value of a range.
        static func narrowest(holding stored: ClosedRange<Int64>) -> Element {
            if stored.lowerBound >= 0 && stored.upperBound <= Int64(UInt8.max) { return .uint8 }
            if stored.lowerBound >= 0 && stored.upperBound <= Int64(UInt16.max) { return .uint16 }
            if stored.lowerBound >= Int64(Int32.min) && stored.upperBound <= Int64(Int32.max) { return .int32 }
            return .int64
        }
    }

    public let storage: ColumnStorage
    public let element: Element
    /// Raw `Fixed` units per stored unit: 10_000 for cents, 1_000_000 for whole
    /// numbers and days, 1 for ja/nee (stored 0 or 1) and for raw values.
    public let unit: Int64
    /// The number of values: persons, or persons times months.
    public let count: Int

    public init(storage: ColumnStorage, element: Element, unit: Int64, count: Int) {
        precondition(storage.bytes.count >= count * element.byteCount, "kolom is kleiner dan haar aantal waarden")
        self.storage = storage
        self.element = element
        self.unit = unit
        self.count = count
    }

    /// Money in whole cents.
    public static func cents(_ values: [Int64]) -> InputColumn {
        InputColumn(storage: ColumnStorage(values), element: .int64, unit: 10_000, count: values.count)
    }
    /// Whole numbers or days.
    public static func whole(_ values: [Int32]) -> InputColumn {
        InputColumn(storage: ColumnStorage(values), element: .int32, unit: Fixed.scale, count: values.count)
    }
    /// ja/nee as 0 or 1.
    public static func flags(_ values: [Bool]) -> InputColumn {
        InputColumn(storage: ColumnStorage(values.map { UInt8($0 ? 1 : 0) }), element: .uint8, unit: 1, count: values.count)
    }

    /// The smallest and largest stored value (0...0 for a column without values): one pass.
    func storedRange() -> ClosedRange<Int64> {
        count == 0 ? 0...0 : read(StoredRange(count: count))
    }

    /// A range of stored values times the unit, as raw `Fixed` values; nil where that does
    /// not fit in 64 bits. Found once, before any evaluation: a block then widens its values
    /// without a check (`InputColumn.widen`).
    func raw(_ stored: ClosedRange<Int64>) -> ClosedRange<Int64>? {
        let (a, o1) = stored.lowerBound.multipliedReportingOverflow(by: unit)
        let (b, o2) = stored.upperBound.multipliedReportingOverflow(by: unit)
        // Int64.min is the evaluator's mark for a failed computation: never an input.
        guard !o1, !o2, a != Int64.min else { return nil }
        return a...b
    }

    /// The same values in the narrowest element that holds them (`stored`: the column's
    /// `storedRange()`); itself where that is its own.
    func narrowed(holding stored: ClosedRange<Int64>) -> InputColumn {
        let element = Element.narrowest(holding: stored)
        guard element.byteCount < self.element.byteCount else { return self }
        let narrow = ColumnStorage(byteCount: count * element.byteCount), target = narrow.bytes.baseAddress!
        switch element {
        case .int64: return self
        case .int32: read(Copy(count: count, into: target.assumingMemoryBound(to: Int32.self)))
        case .uint16: read(Copy(count: count, into: target.assumingMemoryBound(to: UInt16.self)))
        case .uint8: read(Copy(count: count, into: target.assumingMemoryBound(to: UInt8.self)))
        }
        return InputColumn(storage: narrow, element: element, unit: unit, count: count)
    }

    /// Hands the stored values from index `start` on, in their own width, to a reader: the one
    /// switch over the element, so that each use of the values is one generic loop.
    @inline(__always)
    func read<Reader: StoredValues>(_ reader: Reader, from start: Int = 0) -> Reader.Result {
        let base = UnsafeRawPointer(storage.bytes.baseAddress!)
        switch element {
        case .int64: return reader.read(base.assumingMemoryBound(to: Int64.self) + start)
        case .int32: return reader.read(base.assumingMemoryBound(to: Int32.self) + start)
        case .uint16: return reader.read(base.assumingMemoryBound(to: UInt16.self) + start)
        case .uint8: return reader.read(base.assumingMemoryBound(to: UInt8.self) + start)
        }
    }
}

/// What is done with a column's stored values in their own width (`InputColumn.read`).
protocol StoredValues {
    associatedtype Result
    func read<T: FixedWidthInteger>(_ values: UnsafePointer<T>) -> Result
}

/// The smallest and largest of `count` values.
private struct StoredRange: StoredValues {
    let count: Int
    func read<T: FixedWidthInteger>(_ values: UnsafePointer<T>) -> ClosedRange<Int64> {
        var lo = T.max, hi = T.min
        for i in 0..<count { let v = values[i]; lo = min(lo, v); hi = max(hi, v) }
        return Int64(lo)...Int64(hi)
    }
}

/// `count` values copied into a narrower width that holds every one of them.
private struct Copy<Target: FixedWidthInteger>: StoredValues {
    let count: Int
    let into: UnsafeMutablePointer<Target>
    func read<T: FixedWidthInteger>(_ values: UnsafePointer<T>) {
        for i in 0..<count { into[i] = Target(truncatingIfNeeded: values[i]) }
    }
}
