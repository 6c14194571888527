import DoenbaarCore
import DoenbaarReports

extension Console {
    /// Writes a command's report files whole or not at all; nil when written,
    /// else the exit code after a one-line message.
    func write(_ files: () throws -> [(name: String, contents: String)], to folder: String) -> ExitCode? {
        do {
            try ReportWriter.write(try files(), to: folder)
            return nil
        } catch let failure as ReportWriter.Failure {
            return fail(failure.description)
        } catch {
            return fail("rapport kan niet worden gemaakt: \(SystemMessage.dutch(error))")
        }
    }
}
