/// Columns of scratch values for the expressions being evaluated, used as a
/// stack: an operation takes its operands' columns, and gives them back when
/// it is done. Grows in chunks, so a column handed out stays where it is.
///
/// A column holds a month of days for every lane (`LaneScratch.maximumDays`
/// × lanes): an expression evaluated for one period uses its first `lanes`
/// values, one evaluated for the whole of a month all of them.
final class LaneScratch {
    let lanes: Int
    /// Days in the longest month.
    static let maximumDays = 31
    private static let chunkColumns = 32
    private let columnSize: Int
    @exclusivity(unchecked) private var chunks: [UnsafeMutablePointer<Int64>] = []
    @exclusivity(unchecked) private var top = 0
    /// One column of failure marks, never written.
    let failedColumn: UnsafeMutablePointer<Int64>

    init(lanes: Int) {
        self.lanes = lanes
        columnSize = Self.maximumDays * lanes
        failedColumn = .allocate(capacity: columnSize)
        failedColumn.initialize(repeating: ValueSemantics.failed, count: columnSize)
    }

    deinit {
        for c in chunks { c.deallocate() }
        failedColumn.deallocate()
    }

    var mark: Int { top }
    func reset(to mark: Int) { top = mark }

    /// A fresh column (not cleared).
    func push() -> UnsafeMutablePointer<Int64> {
        let chunk = top / Self.chunkColumns
        if chunk == chunks.count { chunks.append(.allocate(capacity: Self.chunkColumns * columnSize)) }
        let column = chunks[chunk] + (top % Self.chunkColumns) * columnSize
        top += 1
        return column
    }
}
