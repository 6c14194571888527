/// Characters that make text read differently from how the rules read it.
///
/// - Direction controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
///   U+061C) reorder what an editor shows, so a comment can seem to close
///   before code that in fact belongs to it ("Trojan Source").
/// - Invisible characters (zero-width space and joiners, word joiner, a byte
///   order mark inside the text) make two names that look the same differ.
/// - Control characters (below U+0020, and U+007F) in a text end up in a
///   terminal or a report, where they move the cursor or hide what follows.
/// - Letters of another script that look Latin (Cyrillic `а`, Greek `ο`)
///   make two names that look the same differ.
///
/// The lexer refuses all of these in rule and persona files, the JSON reader
/// in persona texts; the reports escape what remains.
public enum CharacterPolicy {
    /// The Dutch name of a character no text may hold, or nil.
    public static func forbidden(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return "een onzichtbaar stuurteken voor de tekstrichting (\(code(scalar)))"
        case 0x200B...0x200D, 0x2060, 0xFEFF:
            return "een onzichtbaar teken (\(code(scalar)))"
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0x80...0x9F:
            return "een stuurteken (\(code(scalar)))"
        default:
            return nil
        }
    }

    /// The script of a letter that is not Latin, in Dutch, or nil for a Latin
    /// letter (ASCII, Latin-1 and Latin Extended, as Dutch and its loanwords use).
    public static func foreignScript(_ scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        guard scalar.properties.isAlphabetic else { return nil }
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF:
            return nil
        case 0x370...0x3FF, 0x1F00...0x1FFF: return "Grieks"
        case 0x400...0x52F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return "Cyrillisch"
        case 0x530...0x58F: return "Armeens"
        default: return "niet-Latijns"
        }
    }

    /// `U+202E`, as the message names a character.
    public static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
