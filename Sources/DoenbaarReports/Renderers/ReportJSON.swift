import Foundation

/// Reports as JSON: sorted keys and no time stamps, so the same input gives
/// byte-identical output.
public enum ReportJSON {
    public static func render<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
