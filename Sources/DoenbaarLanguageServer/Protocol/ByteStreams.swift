#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where message bytes come from: standard input, or a buffer in a test.
public protocol ByteSource: AnyObject {
    /// Up to `count` bytes, waiting for at least one; empty at the end of input.
    func read(upTo count: Int) -> [UInt8]
    /// Whether more input is waiting already (so work can wait for the last of a burst).
    var hasPendingInput: Bool { get }
}

/// Where message bytes go: standard output, or a buffer in a test.
public protocol ByteSink: AnyObject {
    /// Writes all bytes; false when the other side is gone.
    func write(_ bytes: [UInt8]) -> Bool
}

/// A file descriptor read with `read(2)`: no Foundation buffering between the
/// client and the framing, and an error is the end of input, never a trap.
public final class FileDescriptorSource: ByteSource {
    let descriptor: Int32

    public init(_ descriptor: Int32) { self.descriptor = descriptor }

    public func read(upTo count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(1, count))
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                return Glibc.read(descriptor, raw.baseAddress, raw.count)
                #else
                return Darwin.read(descriptor, raw.baseAddress, raw.count)
                #endif
            }
            if n > 0 { return Array(buffer[0..<n]) }
            if n < 0 && errno == EINTR { continue }
            return []
        }
    }

    public var hasPendingInput: Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }
}

/// A file descriptor written with `write(2)`. A closed pipe is reported, not a
/// signal: the command ignores SIGPIPE.
public final class FileDescriptorSink: ByteSink {
    let descriptor: Int32

    public init(_ descriptor: Int32) { self.descriptor = descriptor }

    public func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { raw in
                #if canImport(Glibc)
                return Glibc.write(descriptor, raw.baseAddress, raw.count)
                #else
                return Darwin.write(descriptor, raw.baseAddress, raw.count)
                #endif
            }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            return false
        }
        return true
    }
}

/// Input held in memory, handed out in small pieces (so framing across
/// reads is exercised). Tests drive the server with it.
public final class BufferSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0
    private let pieceSize: Int

    public init(_ bytes: [UInt8], pieceSize: Int = 7) {
        self.bytes = bytes
        self.pieceSize = max(1, pieceSize)
    }

    public func read(upTo count: Int) -> [UInt8] {
        let end = min(bytes.count, position + min(count, pieceSize))
        defer { position = end }
        return Array(bytes[position..<end])
    }

    /// A test plays an editor that waits for each answer: nothing is pending.
    public var hasPendingInput: Bool { false }
}

/// Output kept in memory.
public final class BufferSink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ bytes: [UInt8]) -> Bool {
        self.bytes += bytes
        return true
    }
}
