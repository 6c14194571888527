import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue #14, the fault test: `doenbaar knelpunten --out DIR` killed (SIGKILL)
/// at random moments, 200 times; after each kill the folder holds the complete
/// old set or the complete new set of reports, never a mix, and the next run
/// cleans whatever the killed one left.
@Suite(.serialized) struct ReportKillTests {
    static let trials = 200
    static let reports = ["knelpunten.md", "knelpunten.html", "knelpunten.json"]

    @Test func aKilledRunLeavesTheOldSetOrTheNewSetEveryTime() throws {
        let doenbaar = try #require(LanguageServerTests.executable(), "no built 'doenbaar'; run 'swift build' first")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-kill-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Two sets that differ in every file: the reports of two different personas.
        let sets = ["omer", "bas"]
        for name in sets {
            try FileManager.default.createDirectory(atPath: "\(root)/personas-\(name)", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(packageRoot)/Personas/\(name).persona", toPath: "\(root)/personas-\(name)/\(name).persona")
        }
        func arguments(_ set: String, _ out: String) -> [String] {
            // Without the population: the test is about switching the report's files.
            ["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(root)/personas-\(set)", "--zonder-populatie", "--out", out]
        }
        var expected: [String: [String]] = [:]
        var duration = 0.0
        for set in sets {
            let started = Date()
            let process = try Self.start(doenbaar, arguments(set, "\(root)/ref-\(set)"))
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "the reference run for \(set) failed")
            duration = max(duration, Date().timeIntervalSince(started))
            expected[set] = Self.reports.map { Self.read("\(root)/ref-\(set)/\($0)") ?? "" }
        }
        #expect(expected["omer"] != expected["bas"])

        let out = "\(root)/out", sibling = "\(root)/.out.doenbaar-nieuw"
        try FileManager.default.copyItem(atPath: "\(root)/ref-omer", toPath: out)
        var current = "omer"
        var generator = SystemRandomNumberGenerator()
        var mixed: [String] = [], interrupted = 0, finished = 0
        for trial in 0..<Self.trials {
            let next = current == "omer" ? "bas" : "omer"
            let process = try Self.start(doenbaar, arguments(next, out))
            if trial % 3 == 0 {
                // Anywhere in the run: reading, computing, writing.
                usleep(UInt32.random(in: 0...UInt32(duration * 1_100_000), using: &generator))
            } else {
                // Where it matters: once writing has begun (the staging folder, or a
                // staged file where the folder is switched file by file), after 0 to 2 ms.
                while process.isRunning, !Self.exists(sibling), !Self.exists("\(out)/.knelpunten.md.doenbaar-nieuw") { usleep(20) }
                usleep(UInt32.random(in: 0...2_000, using: &generator))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 } else { finished += 1 }
            let seen = Self.reports.map { Self.read("\(out)/\($0)") ?? "<ontbreekt>" }
            if seen == expected[next] { current = next } else if seen != expected[current] {
                mixed.append("proef \(trial): noch de oude (\(current)) noch de nieuwe (\(next)) set")
            }
        }
        #expect(mixed.isEmpty, "\(mixed.count) van \(Self.trials) proeven: \(mixed.prefix(5))")
        #expect(interrupted >= Self.trials / 2, "most runs are killed before they finish (\(interrupted) killed, \(finished) finished)")
        // The next run cleans up after all of them.
        let last = try Self.start(doenbaar, arguments(current == "omer" ? "bas" : "omer", out))
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(!Self.exists(sibling), "the leftovers of the killed runs are gone")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "\(hidden)")
    }

    static func start(_ executable: URL, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
