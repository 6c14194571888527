/// The memory of one view's computed values: handed out from large chunks in
/// order, and given back all at once when the view goes. A view computes
/// thousands of small blocks (a slot in a month); one allocation each, and
/// one release each, cost more than computing many of them.
///
/// An input run hands one arena to the view of each block in turn (`reset`):
/// the same pages serve every block, instead of the system mapping fresh
/// pages for each one.
final class LaneArena {
    /// Chunks double from 8 KiB to 64 KiB: a view that computes little holds little.
    private var chunkBytes = 8 * 1024
    private var chunks: [(start: UnsafeMutableRawPointer, bytes: Int)] = []
    /// The chunk being handed out from (-1: none yet).
    private var current = -1
    private var next: UnsafeMutableRawPointer? = nil
    private var left = 0

    deinit { for c in chunks { c.start.deallocate() } }

    /// Uninitialised room for `count` values of T (at most 8-byte aligned).
    func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        // Rounded up to 8 bytes, so every block starts 8-byte aligned.
        let bytes = (max(1, count) * MemoryLayout<T>.stride + 7) & ~7
        if bytes > left {
            // The next chunk kept from before a reset when it is large enough, or a new one.
            if current + 1 >= chunks.count || chunks[current + 1].bytes < bytes {
                let size = max(chunkBytes, bytes)
                chunkBytes = min(2 * chunkBytes, 64 * 1024)
                chunks.insert((UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8), size), at: current + 1)
            }
            current += 1
            next = chunks[current].start
            left = chunks[current].bytes
        }
        let p = next!
        next = p + bytes
        left -= bytes
        return p.bindMemory(to: T.self, capacity: max(1, count))
    }

    /// Hands out the same memory again from the start. Nothing handed out before may be used after this.
    func reset() {
        current = -1
        next = nil
        left = 0
    }
}
