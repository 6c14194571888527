import DoenbaarCore
import Foundation

/// Writes a report's files as one set: a reader sees all old or all new, also
/// when the process fails or is killed halfway.
///
/// The set is staged in a hidden folder beside the target, which holds the new
/// files and links to every other file of the target; one exchange of the two
/// folders switches them (`FolderSwitch`). Where a folder cannot be exchanged
/// (it is the working directory, a symbolic link, holds subfolders, or its file
/// system has no exchange), the files are switched one by one under a journal
/// (`JournalSwitch`). Either way the next write cleans what a killed run left.
public enum ReportWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static func write(_ files: [(name: String, contents: String)], to folder: String) throws(Failure) {
        try prepare(folder)
        try JournalSwitch.recover(folder)
        if let folderSwitch = FolderSwitch(folder: folder) {
            try folderSwitch.removeLeftovers()
            if try folderSwitch.write(files) { return }
        }
        try JournalSwitch.write(files, to: folder)
    }

    /// Makes the folder the reports go to, or says why it cannot be: a command
    /// that computes long calls it first, so that a folder it cannot write costs no wait.
    public static func prepare(_ folder: String) throws(Failure) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure(description: "'\(folder)' is een bestand; de rapporten vragen een map")
        }
        if let why = makeFolder(folder) {
            throw Failure(description: "map '\(folder)' kan niet worden gemaakt: \(why)")
        }
    }

    /// `mkdir -p` with the system's reason when it fails; nil when the folder is there.
    static func makeFolder(_ folder: String) -> String? {
        var info = stat()
        if stat(folder, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR ? nil : SystemMessage.dutch(errno: ENOTDIR) }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder, let why = makeFolder(parent) { return why }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST ? nil : SystemMessage.dutch(errno: errno)
    }

    /// Writes all of a file's bytes and flushes them to disk; nil when done, else why not.
    static func writeDurably(_ contents: String, to path: String) -> String? {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return SystemMessage.dutch(errno: errno) }
        defer { close(fd) }
        if let code = writeAll(contents, to: fd) { return SystemMessage.dutch(errno: code) }
        return fsync(fd) == 0 ? nil : SystemMessage.dutch(errno: errno)
    }

    static func path(_ folder: String, _ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
}
