import Foundation

/// One Dutch phrase for what the operating system or Foundation said went
/// wrong, so that every I/O failure reaches the reader as one Dutch line
/// instead of "NSCocoaErrorDomain error 256" or "No space left on device".
public enum SystemMessage {
    /// The phrase for a POSIX error number (`errno`).
    public static func dutch(errno code: Int32) -> String {
        switch code {
        case ENOENT: "bestaat niet"
        case EACCES, EPERM: "geen toegang"
        case ENOSPC: "de schijf is vol"
        case EDQUOT: "het schijfquotum is op"
        case EROFS: "het bestandssysteem is alleen-lezen"
        case EISDIR: "is een map, geen bestand"
        case ENOTDIR: "een deel van het pad is geen map"
        case EEXIST: "bestaat al"
        case ENOTEMPTY: "de map is niet leeg"
        case ENAMETOOLONG: "de naam is te lang"
        case ELOOP: "te veel symbolische koppelingen (een lus?)"
        case EMFILE, ENFILE: "te veel bestanden tegelijk open"
        case EIO: "invoer-/uitvoerfout van het apparaat"
        case EXDEV: "ligt op een ander bestandssysteem"
        case EBUSY: "is in gebruik"
        case EPIPE: "de ontvanger is gesloten"
        case EBADF: "er is geen bestand open"
        case EFBIG: "het bestand wordt te groot"
        case EINVAL: "ongeldige bewerking voor dit bestandssysteem"
        default: "systeemfout \(code)"
        }
    }

    /// The phrase for an error Foundation threw: its POSIX cause when it has
    /// one, else what the Cocoa error code means, else a generic phrase.
    public static func dutch(_ error: any Error) -> String {
        if let decoding = error as? DecodingError { return dutch(decoding) }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return dutch(errno: Int32(ns.code)) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return dutch(errno: Int32(underlying.code))
        }
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "bestaat niet"
            case .fileReadNoPermission, .fileWriteNoPermission: return "geen toegang"
            case .fileWriteOutOfSpace: return "de schijf is vol"
            case .fileWriteVolumeReadOnly: return "het bestandssysteem is alleen-lezen"
            case .fileWriteFileExists: return "bestaat al"
            case .fileReadCorruptFile, .propertyListReadCorrupt: return "de inhoud is onleesbaar"
            case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "geen geldige UTF-8-tekst"
            case .fileReadTooLarge: return "het bestand is te groot"
            case .fileReadUnknown: return "lezen mislukt"
            case .fileWriteUnknown: return "schrijven mislukt"
            default: break
            }
        }
        return "lezen of schrijven mislukt"
    }

    /// What JSONDecoder found wrong, with the path of the field.
    static func dutch(_ error: DecodingError) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "het geheel" : "'" + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "veld \(field(context.codingPath + [key])) ontbreekt"
        case .valueNotFound(_, let context): return "veld \(field(context.codingPath)) is leeg"
        case .typeMismatch(_, let context): return "veld \(field(context.codingPath)) heeft niet de verwachte soort waarde"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "geen geldige JSON" : "veld \(field(context.codingPath)) heeft een ongeldige waarde"
        @unknown default: return "geen geldige JSON"
        }
    }
}
