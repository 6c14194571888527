/// Columns of scratch values for the expressions being evaluated, used as a
/// stack: an operation takes its operands' columns, and gives them back when
/// it is done. Grows in chunks, so a column handed out stays where it is.
///
/// A column holds a month of days for every lane (`LaneScratch.maximumDays`
/// × lanes): an expression evaluated for one period uses its first `lanes`
/// values, one evaluated for the whole of a month all of them.
///
/// The object owns the memory; a view uses it through `stack`, plain memory
/// without a count of references, since every operation pushes and pops and
/// a call on the object itself counted a reference each time.
final class LaneScratch {
    let lanes: Int
    /// Days in the longest month.
    static let maximumDays = 31
    let stack: ScratchStack

    init(lanes: Int) {
        self.lanes = lanes
        stack = ScratchStack(lanes: lanes, columnSize: Self.maximumDays * lanes)
    }

    deinit { stack.deallocate() }
}

/// The scratch stack of a `LaneScratch`, as a pointer to its state: copying
/// it or calling it counts no reference. Valid as long as its owner lives.
struct ScratchStack {
    private struct State {
        var top = 0
        var chunkCount = 0
        var chunkCapacity: Int
        /// The chunks, each `chunkColumns` columns; only this table moves when it grows.
        var chunks: UnsafeMutablePointer<UnsafeMutablePointer<Int64>>
        let columnSize: Int
    }
    private static let chunkColumns = 32
    private let state: UnsafeMutablePointer<State>
    /// One column of failure marks, never written.
    let failedColumn: UnsafeMutablePointer<Int64>

    fileprivate init(lanes: Int, columnSize: Int) {
        state = .allocate(capacity: 1)
        state.initialize(to: State(chunkCapacity: 4, chunks: .allocate(capacity: 4), columnSize: columnSize))
        failedColumn = .allocate(capacity: columnSize)
        failedColumn.initialize(repeating: ValueSemantics.failed, count: columnSize)
    }

    fileprivate func deallocate() {
        for c in 0..<state.pointee.chunkCount { state.pointee.chunks[c].deallocate() }
        state.pointee.chunks.deallocate()
        state.deallocate()
        failedColumn.deallocate()
    }

    var mark: Int { state.pointee.top }
    func reset(to mark: Int) { state.pointee.top = mark }

    /// A fresh column (not cleared).
    func push() -> UnsafeMutablePointer<Int64> {
        let top = state.pointee.top, chunk = top / Self.chunkColumns
        if chunk == state.pointee.chunkCount { addChunk() }
        state.pointee.top = top + 1
        return state.pointee.chunks[chunk] + (top % Self.chunkColumns) * state.pointee.columnSize
    }

    private func addChunk() {
        if state.pointee.chunkCount == state.pointee.chunkCapacity {
            let capacity = state.pointee.chunkCapacity * 2, grown = UnsafeMutablePointer<UnsafeMutablePointer<Int64>>.allocate(capacity: capacity)
            grown.moveInitialize(from: state.pointee.chunks, count: state.pointee.chunkCount)
            state.pointee.chunks.deallocate()
            state.pointee.chunks = grown
            state.pointee.chunkCapacity = capacity
        }
        state.pointee.chunks[state.pointee.chunkCount] = .allocate(capacity: Self.chunkColumns * state.pointee.columnSize)
        state.pointee.chunkCount += 1
    }
}
