import DoenbaarLanguageServer
import Testing

/// The base protocol's framing: byte counts, not characters, and bad input
/// skipped without losing the next message.
@Suite struct FramingTests {
    func read(_ input: String, pieceSize: Int = 3) -> [MessageReader.Frame] {
        var reader = MessageReader(BufferSource(Array(input.utf8), pieceSize: pieceSize))
        var out: [MessageReader.Frame] = []
        while let frame = reader.next() { out.append(frame) }
        return out
    }

    func body(_ frame: MessageReader.Frame?) -> String? {
        if case .message(let b)? = frame { return String(decoding: b, as: UTF8.self) }
        return nil
    }

    @Test func theLengthCountsBytesSoABodyWithTheEuroSignIsReadWhole() {
        let json = #"{"a":"€ 1.234,56"}"#
        #expect(json.utf8.count == json.count + 2, "€ is three bytes")
        let frames = read("Content-Length: \(json.utf8.count)\r\n\r\n\(json)Content-Length: 2\r\n\r\n{}")
        #expect(frames.count == 2)
        #expect(body(frames.first) == json)
        #expect(body(frames.last) == "{}")
    }

    @Test func otherHeadersAndTheCaseOfTheNameDoNotMatter() {
        let frames = read("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH: 2\r\n\r\n{}")
        #expect(frames == [.message(Array("{}".utf8))])
    }

    @Test func aHeaderWithoutALengthIsReportedAndTheNextMessageStillRead() {
        let frames = read("Content-Type: x\r\n\r\n{\"lost\":1}Content-Length: 2\r\n\r\n{}")
        #expect(frames.count == 3, "\(frames)")
        if case .malformed = frames[0] {} else { Issue.record("expected the bad header first: \(frames)") }
        if case .malformed = frames[1] {} else { Issue.record("expected the skipped body second: \(frames)") }
        #expect(body(frames[2]) == "{}")
    }

    @Test func garbageBeforeAHeaderIsSkipped() {
        let frames = read("hallo wereld\r\nContent-Length: 2\r\n\r\n{}")
        #expect(frames.count == 2)
        #expect(body(frames.last) == "{}")
    }

    @Test func aLengthThatIsNoCountIsReported() {
        for bad in ["-5", "twee", "99999999999999999999999", ""] {
            let frames = read("Content-Length: \(bad)\r\n\r\nContent-Length: 2\r\n\r\n{}")
            #expect(frames.first.map { if case .malformed = $0 { true } else { false } } == true, "\(bad): \(frames)")
            #expect(body(frames.last) == "{}", "\(bad): \(frames)")
        }
    }

    @Test func aBodyLargerThanTheLimitIsSkippedUnread() {
        let frames = read("Content-Length: \(MessageReader.maximumBodySize + 1)\r\n\r\n{}", pieceSize: 1024)
        #expect(frames.count == 1)
        if case .malformed(let why) = frames.first { #expect(why.contains("groter")) } else { Issue.record("\(frames)") }
    }

    @Test func inputThatEndsInsideAMessageIsReportedOnce() {
        let frames = read("Content-Length: 10\r\n\r\n{\"a\"")
        #expect(frames.count == 1)
        if case .malformed(let why) = frames.first { #expect(why.contains("4 van 10")) } else { Issue.record("\(frames)") }
        #expect(read("Content-Len").count == 1)
        #expect(read("").isEmpty)
        #expect(read("\r\n").isEmpty, "trailing blank lines are no message")
    }

    @Test func anEndlessHeaderIsCutOff() {
        let frames = read(String(repeating: "x", count: MessageReader.maximumHeaderSize + 100), pieceSize: 4096)
        #expect(!frames.isEmpty)
        #expect(frames.allSatisfy { if case .malformed = $0 { true } else { false } })
    }

    @Test func theWriterFramesWithTheByteLength() {
        let sink = BufferSink()
        MessageWriter(sink).send(["tekst": "€"])
        #expect(String(decoding: sink.bytes, as: UTF8.self) == "Content-Length: 15\r\n\r\n{\"tekst\":\"€\"}")
    }
}
