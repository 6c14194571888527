import Foundation

/// Writes all of a text to a file descriptor, resuming after a partial write
/// or an interrupted call: nil when written, else the `errno` that stopped it.
/// Standard output and report files both write this way, never through
/// `FileHandle.write`, which traps on a full disk or a closed pipe.
public func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        bytes = bytes.dropFirst(n)
    }
    return nil
}
