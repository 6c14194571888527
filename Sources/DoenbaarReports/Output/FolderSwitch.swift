import DoenbaarCore
import Foundation

/// Switches a report folder whole: a hidden sibling `.<folder>.doenbaar-nieuw`
/// gets the new files and a hard link to every other file of the folder, and
/// one `renameat2(RENAME_EXCHANGE)` swaps the two. Before the exchange the
/// folder is all old, after it all new; there is no moment in between. The
/// sibling, which then holds the old set, is removed; if the run is killed
/// first, the next write removes it.
struct FolderSwitch {
    typealias Failure = ReportWriter.Failure

    static let siblingSuffix = ".doenbaar-nieuw"

    let folder: String
    let parent: String
    let sibling: String
    private let exchange: Exchange

    /// Nil when this folder cannot be switched whole.
    init?(folder path: String) {
        let standardized = (path as NSString).standardizingPath
        let name = (standardized as NSString).lastPathComponent
        guard let exchange = Exchange.available, !name.isEmpty, name != ".", name != "..", name != "/",
              FolderSwitch.isRealFolder(standardized) else { return nil }
        folder = standardized
        let above = (standardized as NSString).deletingLastPathComponent
        parent = above.isEmpty ? "." : above
        sibling = ReportWriter.path(parent, "." + name + FolderSwitch.siblingSuffix)
        self.exchange = exchange
    }

    /// Removes the sibling a killed run left: its staging or the old set.
    func removeLeftovers() throws(Failure) {
        guard FolderSwitch.exists(sibling) else { return }
        do { try FileManager.default.removeItem(atPath: sibling) } catch {
            throw Failure(description: "de resten van een onderbroken rapport in '\(sibling)' kunnen niet worden opgeruimd: \(SystemMessage.dutch(error))")
        }
    }

    /// Stages and switches; false when this folder turns out not to be
    /// switchable (a subfolder, a file that cannot be linked, no exchange on
    /// this file system), with nothing changed.
    func write(_ files: [(name: String, contents: String)]) throws(Failure) -> Bool {
        // A report file's name taken by a folder (or anything but a file) is not replaced: it may be someone's work.
        for file in files {
            var info = stat()
            if lstat(ReportWriter.path(folder, file.name), &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                throw Failure(description: "'\(ReportWriter.path(folder, file.name))' kan niet worden vervangen: het is geen gewoon bestand; de vorige versie van het rapport staat er nog")
            }
        }
        guard mkdir(sibling, 0o755) == 0 else {
            // The parent is not writable: the journal, inside the folder, may still work.
            return false
        }
        var switched = false
        defer { if !switched { try? FileManager.default.removeItem(atPath: sibling) } }
        let newNames = Set(files.map(\.name))
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        for entry in entries.sorted() where !newNames.contains(entry) {
            var info = stat()
            guard lstat(ReportWriter.path(folder, entry), &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  link(ReportWriter.path(folder, entry), ReportWriter.path(sibling, entry)) == 0 else { return false }
        }
        for file in files {
            if let why = ReportWriter.writeDurably(file.contents, to: ReportWriter.path(sibling, file.name)) {
                throw Failure(description: "'\(ReportWriter.path(folder, file.name))' kan niet worden geschreven: \(why); de vorige versie van het rapport staat er nog")
            }
        }
        FolderSwitch.synchronize(sibling)
        guard exchange.swap(sibling, folder) else {
            if errno == EINVAL || errno == ENOSYS || errno == EXDEV || errno == EBUSY { return false }
            throw Failure(description: "'\(folder)' kan niet worden vervangen: \(SystemMessage.dutch(errno: errno)); de vorige versie van het rapport staat er nog")
        }
        switched = true
        FolderSwitch.synchronize(parent)
        // The sibling now holds the old set; a kill here leaves it for the next write.
        try? FileManager.default.removeItem(atPath: sibling)
        return true
    }

    private static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Flushes a folder's entries to disk, so that a crash keeps the switch.
    private static func synchronize(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// `renameat2` with `RENAME_EXCHANGE`: glibc has it, but the Swift Glibc
    /// module does not declare it, so it is looked up once by name.
    struct Exchange: @unchecked Sendable {
        typealias Function = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        static let renameExchange: UInt32 = 1 << 1
        let function: Function

        static let available: Exchange? = {
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
            return Exchange(function: unsafeBitCast(symbol, to: Function.self))
        }()

        func swap(_ a: String, _ b: String) -> Bool { function(AT_FDCWD, a, AT_FDCWD, b, Exchange.renameExchange) == 0 }
    }
}
