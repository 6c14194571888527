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
        try #require(FileManager.default.createFile(atPath: folder + "/c.json/x", contents: Data()))
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
        try "nieuw b".write(toFile: folder + "/.b.html" + JournalSwitch.newSuffix, atomically: false, encoding: .utf8)
        try "nieuw a".write(toFile: folder + "/a.md", atomically: false, encoding: .utf8)
        try "a.md\nb.html\n".write(toFile: folder + "/" + JournalSwitch.journalName, atomically: false, encoding: .utf8)
        try ReportWriter.write([("ander.md", "iets anders")], to: folder)
        #expect(read("a.md") == "nieuw a" && read("b.html") == "nieuw b", "the interrupted set is completed: all new")
        #expect(hidden().isEmpty, "\(hidden())")
    }

    @Test func aRunKilledBeforeTheJournalLeavesTheOldSetAndItsLeftoversGo() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportWriter.write([("a.md", "oud a")], to: folder)
        try "half".write(toFile: folder + "/.a.md" + JournalSwitch.newSuffix, atomically: false, encoding: .utf8)
        try ReportWriter.write([("ander.md", "iets anders")], to: folder)
        #expect(read("a.md") == "oud a")
        #expect(hidden().isEmpty, "\(hidden())")
    }
}

/// The folder switch: the whole folder is exchanged with a staged copy.
@Suite struct FolderSwitchTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-map-\(UUID().uuidString)").path
    var folder: String { parent + "/rapporten" }

    func read(_ name: String) -> String? { try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) }
    func entries(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    @Test func otherFilesOfTheFolderStayAndNothingIsLeftBeside() throws {
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try ReportWriter.write([("populatie.json", "bevolking"), ("a.md", "oud a")], to: folder)
        try ReportWriter.write([("a.md", "nieuw a"), ("b.html", "nieuw b")], to: folder)
        #expect(read("populatie.json") == "bevolking" && read("a.md") == "nieuw a" && read("b.html") == "nieuw b")
        #expect(entries(folder) == ["a.md", "b.html", "populatie.json"])
        #expect(entries(parent) == ["rapporten"], "no staging folder is left beside the report folder")
    }

    @Test func theOldSetAKilledRunLeftBesideIsRemovedByTheNext() throws {
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try ReportWriter.write([("a.md", "oud a")], to: folder)
        // As a kill after the exchange leaves it: the old set in the sibling.
        let sibling = parent + "/.rapporten" + FolderSwitch.siblingSuffix
        try FileManager.default.createDirectory(atPath: sibling, withIntermediateDirectories: false)
        try "heel oud a".write(toFile: sibling + "/a.md", atomically: false, encoding: .utf8)
        try ReportWriter.write([("b.md", "nieuw b")], to: folder)
        #expect(read("a.md") == "oud a" && read("b.md") == "nieuw b")
        #expect(entries(parent) == ["rapporten"])
    }

    @Test func aFolderReachedThroughALinkStaysALink() throws {
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try ReportWriter.write([("a.md", "oud a")], to: folder)
        try FileManager.default.createSymbolicLink(atPath: parent + "/koppeling", withDestinationPath: folder)
        try ReportWriter.write([("a.md", "nieuw a")], to: parent + "/koppeling")
        #expect(read("a.md") == "nieuw a")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/koppeling") == folder)
    }

    @Test func aFolderWithASubfolderKeepsIt() throws {
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: folder + "/bijlagen", withIntermediateDirectories: true)
        try #require(FileManager.default.createFile(atPath: folder + "/bijlagen/x", contents: Data("x".utf8)))
        try ReportWriter.write([("a.md", "nieuw a")], to: folder)
        #expect(read("a.md") == "nieuw a" && read("bijlagen/x") == "x")
    }

    @Test func aFolderWhereAReportFileBelongsIsNotReplaced() throws {
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: folder + "/a.md", withIntermediateDirectories: true)
        #expect {
            try ReportWriter.write([("a.md", "nieuw a")], to: folder)
        } throws: { error in
            "\(error)".contains("geen gewoon bestand")
        }
        #expect(entries(folder + "/a.md").isEmpty && entries(parent) == ["rapporten"])
    }
}
