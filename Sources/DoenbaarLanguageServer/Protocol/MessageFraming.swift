/// The base protocol's framing: a header block (`Content-Length: N`, lines
/// ending in CR LF, an empty line) and then exactly N bytes of JSON.
///
/// The reader counts bytes, never characters, and survives bad input: a
/// header without a length, garbage between messages or a body too large is
/// reported and skipped, and reading goes on at the next header.
public struct MessageReader {
    public enum Frame: Equatable {
        case message([UInt8])
        /// Input that is no message; what was wrong, for the log.
        case malformed(String)
    }

    /// A header block longer than this is not a header.
    public static let maximumHeaderSize = 16 * 1024
    /// Larger bodies are skipped unread: no editor sends a rule file this large.
    public static let maximumBodySize = 64 * 1024 * 1024

    private let source: ByteSource
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Bytes of a refused body still to be dropped as they arrive.
    private var toSkip = 0

    public init(_ source: ByteSource) { self.source = source }

    /// Whether bytes of a next message have been read already.
    public var hasBufferedInput: Bool { start < buffer.count }

    /// The next message or problem; nil at the end of input.
    public mutating func next() -> Frame? {
        while true {
            if toSkip > 0 {
                let dropped = min(toSkip, buffer.count - start)
                start += dropped
                toSkip -= dropped
                if toSkip > 0 {
                    guard fill() else { return nil }
                    continue
                }
            }
            guard let terminator = find(MessageReader.headerEnd, from: start) else {
                if buffer.count - start > MessageReader.maximumHeaderSize {
                    return resynchronize("een kop van meer dan \(MessageReader.maximumHeaderSize) bytes zonder lege regel erna")
                }
                if fill() { continue }
                let rest = buffer[start...].filter { !MessageReader.whitespace.contains($0) }
                start = buffer.count
                return rest.isEmpty ? nil : .malformed("onvolledig bericht aan het einde van de invoer")
            }
            let headerText = String(decoding: buffer[start..<terminator], as: UTF8.self)
            let bodyStart = terminator + MessageReader.headerEnd.count
            guard let length = MessageReader.contentLength(in: headerText) else {
                // Garbage before a header (the rest of a message that could not be
                // framed): skip up to the header and try again.
                if let header = findContentLength(from: start + 1, before: terminator) {
                    let skipped = header - start
                    start = header
                    return .malformed("\(skipped) bytes zonder kop overgeslagen")
                }
                start = bodyStart
                return .malformed("kop zonder geldige Content-Length: \(String(headerText.prefix(200)).debugDescription)")
            }
            if length > MessageReader.maximumBodySize {
                start = bodyStart
                toSkip = length
                return .malformed("bericht van \(length) bytes is groter dan \(MessageReader.maximumBodySize); overgeslagen")
            }
            while buffer.count - bodyStart < length {
                guard fill() else {
                    start = buffer.count
                    return .malformed("bericht houdt op na \(buffer.count - bodyStart) van \(length) bytes")
                }
            }
            let body = Array(buffer[bodyStart..<(bodyStart + length)])
            start = bodyStart + length
            compact()
            return .message(body)
        }
    }

    static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
    static let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]

    /// The Content-Length of a header block; nil when absent, repeated differently or not a count.
    static func contentLength(in header: String) -> Int? {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard name == "content-length" else { continue }
            guard !value.isEmpty, value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber), value.count <= 18,
                  let n = Int(value), length == nil || length == n else { return nil }
            length = n
        }
        return length
    }

    /// Reads more input; false at the end.
    private mutating func fill() -> Bool {
        guard !atEnd else { return false }
        let more = source.read(upTo: 64 * 1024)
        if more.isEmpty { atEnd = true; return false }
        buffer += more
        return true
    }

    /// Drops what was consumed, now and then, so the buffer does not grow.
    private mutating func compact() {
        guard start > 64 * 1024, start * 2 > buffer.count else { return }
        buffer.removeFirst(start)
        start = 0
    }

    /// After an over-long header: go on at the next `Content-Length`, if any.
    private mutating func resynchronize(_ problem: String) -> Frame {
        if let next = findContentLength(from: start + 1, before: buffer.count) {
            start = next
        } else {
            start = max(start, buffer.count - 32)
        }
        compact()
        return .malformed(problem)
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard buffer.count - from >= needle.count else { return nil }
        var i = from
        while i <= buffer.count - needle.count {
            if buffer[i] == needle[0] && buffer[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static let contentLengthName = Array("content-length:".utf8)

    /// Where a `Content-Length:` header starts (any case), between two offsets.
    private func findContentLength(from: Int, before end: Int) -> Int? {
        let needle = MessageReader.contentLengthName
        var i = from
        while i + needle.count <= end {
            var matches = true
            for (k, c) in needle.enumerated() {
                let b = buffer[i + k]
                let lower = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b
                if lower != c { matches = false; break }
            }
            if matches { return i }
            i += 1
        }
        return nil
    }
}

/// Writes messages with their header.
public struct MessageWriter {
    private let sink: ByteSink

    public init(_ sink: ByteSink) { self.sink = sink }

    /// False when the client is gone.
    @discardableResult
    public func send(_ message: JSON) -> Bool {
        let body = message.encoded
        return sink.write(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }
}
