import Foundation
@testable import DoenbaarReports
import Testing

/// The report files are switched as a set: all old or all new.
@Suite struct ReportWriterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-schrijf-\(UUID().uuidString)").path

    func read(_ name: String) -> String? { try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
    func hidden() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") }.sorted() }

    @Test func allFilesAreWrittenAndNothingIsLeftBehind() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportWriter.write([("a.md", "nieuw a"), ("b.html", "nieuw b"), ("c.json", "nieuw c")], to: folder)
        #expect(read("a.md") == "nieuw a" && read("b.html") == "nieuw b" && read("c.json") == "nieuw c")
        #expect(hidden().isEmpty, "\(hidden())")
    }

    @Test func aFailureOnTheThirdFileLeavesTheOldSet() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportWriter.write([("a.md", "oud a"), ("b.html", "oud b")], to: folder)
        // The third target is a folder with a file in it: the switch fails on it.
        try FileManager.default.createDirectory(atPath: folder + "/c.json", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/c.json/x", contents: Data())
        #expect(throws: ReportWriter.Failure.self) {
            try ReportWriter.write([("a.md", "nieuw a"), ("b.html", "nieuw b"), ("c.json", "nieuw c")], to: folder)
        }
        #expect(read("a.md") == "oud a" && read("b.html") == "oud b", "the first two are switched back")
        #expect(hidden().isEmpty, "\(hidden())")
    }

    @Test func aRunKilledDuringTheSwitchIsFinishedByTheNext() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportWriter.write([("a.md", "oud a"), ("b.html", "oud b")], to: folder)
        // As a kill leaves it: both new files staged and the journal written; a.md already switched.
        try "nieuw b".write(toFile: folder + "/.b.html" + ReportWriter.newSuffix, atomically: false, encoding: .utf8)
        try "nieuw a".write(toFile: folder + "/a.md", atomically: false, encoding: .utf8)
        try "a.md\nb.html\n".write(toFile: folder + "/" + ReportWriter.journalName, atomically: false, encoding: .utf8)
        try ReportWriter.write([("ander.md", "iets anders")], to: folder)
        #expect(read("a.md") == "nieuw a" && read("b.html") == "nieuw b", "the interrupted set is completed: all new")
        #expect(hidden().isEmpty, "\(hidden())")
    }

    @Test func aRunKilledBeforeTheJournalLeavesTheOldSetAndItsLeftoversGo() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportWriter.write([("a.md", "oud a")], to: folder)
        try "half".write(toFile: folder + "/.a.md" + ReportWriter.newSuffix, atomically: false, encoding: .utf8)
        try ReportWriter.write([("ander.md", "iets anders")], to: folder)
        #expect(read("a.md") == "oud a")
        #expect(hidden().isEmpty, "\(hidden())")
    }
}
