/// The memory of one view's computed values: handed out from large chunks in
/// order, and given back all at once when the view goes. A view computes
/// thousands of small blocks (a slot in a month); one allocation each, and
/// one release each, cost more than computing many of them.
final class LaneArena {
    /// Chunks double from 8 KiB to 64 KiB: a view that computes little holds little.
    private var chunkBytes = 8 * 1024
    private var chunks: [UnsafeMutableRawPointer] = []
    private var next: UnsafeMutableRawPointer? = nil
    private var left = 0

    deinit { for c in chunks { c.deallocate() } }

    /// Uninitialised room for `count` values of T (at most 8-byte aligned).
    func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        // Rounded up to 8 bytes, so every block starts 8-byte aligned.
        let bytes = (max(1, count) * MemoryLayout<T>.stride + 7) & ~7
        if bytes > left {
            let size = max(chunkBytes, bytes)
            chunkBytes = min(2 * chunkBytes, 64 * 1024)
            let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            chunks.append(chunk)
            next = chunk
            left = size
        }
        let p = next!
        next = p + bytes
        left -= bytes
        return p.bindMemory(to: T.self, capacity: max(1, count))
    }
}
