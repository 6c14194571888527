/// Columns of scratch values for the expressions being evaluated, used as a
/// stack: an operation takes its operands' columns, and gives them back when
/// it is done. Grows in chunks, so a column handed out stays where it is.
final class LaneScratch {
    let lanes: Int
    private static let chunkColumns = 256
    @exclusivity(unchecked) private var chunks: [UnsafeMutablePointer<Int64>] = []
    @exclusivity(unchecked) private var top = 0
    /// One column of failure marks, never written.
    let failedColumn: UnsafeMutablePointer<Int64>

    init(lanes: Int) {
        self.lanes = lanes
        failedColumn = .allocate(capacity: lanes)
        failedColumn.initialize(repeating: ValueSemantics.failed, count: lanes)
    }

    deinit {
        for c in chunks { c.deallocate() }
        failedColumn.deallocate()
    }

    var mark: Int { top }
    func reset(to mark: Int) { top = mark }

    /// A fresh column of `lanes` values (not cleared).
    func push() -> UnsafeMutablePointer<Int64> {
        let chunk = top / Self.chunkColumns
        if chunk == chunks.count { chunks.append(.allocate(capacity: Self.chunkColumns * lanes)) }
        let column = chunks[chunk] + (top % Self.chunkColumns) * lanes
        top += 1
        return column
    }
}
