import Foundation

/// Writes report files whole or not at all: every file goes to a temporary
/// file in the same folder first and is moved into place only when all of
/// them were written, so a failure never leaves a half-written report.
public enum ReportWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static func write(_ files: [(name: String, contents: String)], to folder: String) throws(Failure) {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw Failure(description: "map '\(folder)' kan niet worden gemaakt: \(error.localizedDescription)")
        }
        var staged: [(temporary: String, final: String)] = []
        defer { for s in staged where fm.fileExists(atPath: s.temporary) { try? fm.removeItem(atPath: s.temporary) } }
        for file in files {
            let final = (folder as NSString).appendingPathComponent(file.name)
            let temporary = (folder as NSString).appendingPathComponent(".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
            guard fm.createFile(atPath: temporary, contents: Data(file.contents.utf8)) else {
                throw Failure(description: "'\(temporary)' kan niet worden geschreven")
            }
            staged.append((temporary, final))
        }
        // rename(2) replaces the old file atomically: a reader sees the old or the new one.
        for s in staged where rename(s.temporary, s.final) != 0 {
            throw Failure(description: "'\(s.final)' kan niet worden vervangen: \(String(cString: strerror(errno)))")
        }
    }
}
