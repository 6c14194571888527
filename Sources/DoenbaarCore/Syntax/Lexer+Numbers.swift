/// Numbers and dates, and the Dutch ways of writing them: a decimal comma
/// (`290,67`), thousands dots in an amount (`€ 2.191,80`, as the tool prints
/// amounts). What the language does not take (a decimal point, a date as
/// dd-mm-jjjj, thousands dots outside an amount) is refused with a fix-it.
extension Lexer {
    mutating func lexNumberOrDate() {
        let start = position
        let intDigits = digits()
        // 2025-01-01 (a date) or 2025-01 (a month)
        if intDigits == 4, at("-"), position + 1 < bytes.count, Lexer.isDigit(bytes[position + 1]) {
            lexISODate(start)
            return
        }
        // 1-7-2025 or 01-07-2025: a date written day first.
        if (1...2).contains(intDigits), lexDayMonthYear(start) { return }
        let wholeEnd = position
        var fractionDigits = 0
        // A decimal comma only when a digit follows at once: `1,5` is one number,
        // `min(1, 5)` two arguments.
        if at(","), position + 1 < bytes.count, Lexer.isDigit(bytes[position + 1]) {
            position += 1
            fractionDigits = digits()
        }
        if at("."), position + 1 < bytes.count, Lexer.isDigit(bytes[position + 1]) {
            // Take every further digit, dot and comma, so `1.234,56` is read as one literal.
            while position + 1 < bytes.count, at(".") || at(","), Lexer.isDigit(bytes[position + 1]) {
                position += 1
                _ = digits()
            }
            lexDottedNumber(start)
            return
        }
        emitNumber(start, whole: text(start, wholeEnd), fraction: fractionDigits > 0 ? text(wholeEnd + 1, position) : "")
    }

    func at(_ character: Unicode.Scalar) -> Bool {
        position < bytes.count && bytes[position] == UInt8(ascii: character)
    }

    /// The number from `start` up to here, with its whole and fraction digits.
    mutating func emitNumber(_ start: Int, whole: String, fraction: String) {
        guard fraction.count <= 6 else {
            invalid(.invalidNumber, start, "getal '\(text(start, position))' heeft meer dan 6 decimalen")
            return
        }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        guard whole.count <= Lexer.maximumWholeDigits, let w = Int64(whole), let f = Int64(padded) else {
            invalid(.invalidNumber, start, "getal '\(text(start, position))' is te groot",
                    suggestion: "een getal heeft hoogstens \(Lexer.maximumWholeDigits) cijfers vóór de komma")
            return
        }
        emit(.number(Fixed(raw: w * Fixed.scale + f)), start, position)
    }

    /// After four digits and a dash: `JJJJ-MM-DD` or `JJJJ-MM`.
    mutating func lexISODate(_ start: Int) {
        position += 1
        _ = digits()
        if position + 1 < bytes.count, at("-"), Lexer.isDigit(bytes[position + 1]) {
            position += 1
            _ = digits()
            let literal = text(start, position)
            if let date = CivilDate(iso: literal) {
                emit(.date(date), start, position)
            } else if let padded = Lexer.paddedISO(literal) {
                invalid(.invalidDate, start, "'\(literal)': maand en dag hebben elk twee cijfers",
                        fixIts: [.replace(range(start, position), with: padded, "schrijf \(padded)")])
            } else {
                invalid(.invalidDate, start, "'\(literal)' is geen bestaande datum\(Lexer.whyNoDate(literal))",
                        suggestion: "schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2025-01-01")
            }
            return
        }
        let literal = text(start, position)
        if let month = YearMonth(iso: literal) {
            emit(.month(month), start, position)
        } else if let padded = Lexer.paddedISO(literal) {
            invalid(.invalidDate, start, "'\(literal)': een maand heeft twee cijfers",
                    fixIts: [.replace(range(start, position), with: padded, "schrijf \(padded)")])
        } else {
            invalid(.invalidDate, start, "'\(literal)' is geen bestaande maand",
                    suggestion: "schrijf een maand als JJJJ-MM, bijvoorbeeld 2025-01")
        }
    }

    /// `2025-7-1` as `2025-07-01` (and `2025-7` as `2025-07`) when that is a real day or month.
    static func paddedISO(_ literal: String) -> String? {
        let parts = literal.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4,
              parts.dropFirst().allSatisfy({ (1...2).contains($0.count) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        let padded = String(parts[0]) + parts.dropFirst().map { $0.count == 1 ? "-0\($0)" : "-\($0)" }.joined()
        if parts.count == 2 { return YearMonth(iso: padded) != nil ? padded : nil }
        return CivilDate(iso: padded) != nil ? padded : nil
    }

    /// `01-07-2025`, `1/7/2025` or `1.7.2025`: a date day first, as Dutch letters
    /// write it. Refused with the same date as `JJJJ-MM-DD`. False (and nothing
    /// read) when the text is not of that shape.
    mutating func lexDayMonthYear(_ start: Int) -> Bool {
        let resume = position
        guard position + 1 < bytes.count, Lexer.isDigit(bytes[position + 1]),
              [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(bytes[position]) else { return false }
        let separator = bytes[position]
        position += 1
        let monthDigits = digits()
        guard (1...2).contains(monthDigits), position + 1 < bytes.count, bytes[position] == separator,
              Lexer.isDigit(bytes[position + 1]) else { position = resume; return false }
        position += 1
        guard digits() == 4, !(position < bytes.count && bytes[position] == separator) else { position = resume; return false }
        let literal = text(start, position)
        let parts = literal.split(separator: Character(Unicode.Scalar(separator))).compactMap { Int($0) }
        guard parts.count == 3 else { position = resume; return false }
        let (day, month, year) = (parts[0], parts[1], parts[2])
        guard let date = CivilDate(year: year, month: month, day: day) else {
            invalid(.invalidDate, start, "'\(literal)' is geen datum; de regeltaal schrijft datums als JJJJ-MM-DD",
                    suggestion: "schrijf jaar, maand en dag met streepjes, bijvoorbeeld 2025-07-01 voor 1 juli 2025")
            return true
        }
        let iso = date.description
        invalid(.invalidDate, start, "'\(literal)' is een datum als dag-maand-jaar; de regeltaal schrijft jaar-maand-dag (JJJJ-MM-DD)",
                fixIts: [.replace(range(start, position), with: iso, "schrijf \(iso)")])
        return true
    }

    /// A literal with a dot: thousands dots in an amount are Dutch and taken;
    /// anything else is reported with what the drafter likely meant.
    mutating func lexDottedNumber(_ start: Int) {
        let literal = text(start, position)
        let whole = literal.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let fraction = literal.contains(",") ? String(literal.split(separator: ",", maxSplits: 1)[1]) : ""
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        let grouped = groups.count >= 2 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            && !fraction.contains(".") && !fraction.contains(",")
        let amount = inAmount()
        let here = range(start, position)
        let withoutDots = literal.replacingOccurrences(of: ".", with: "")
        let withComma = literal.replacingOccurrences(of: ".", with: ",")
        if grouped {
            // € 2.191,80 and € 1.234.567,89: thousands dots, as the reports print amounts.
            if amount {
                emitNumber(start, whole: String(whole).replacingOccurrences(of: ".", with: ""), fraction: fraction)
                return
            }
            if fraction.isEmpty && groups.count == 2 {
                // 1.234 may be a thousand or one and a bit: offer both.
                invalid(.invalidNumber, start, "'\(literal)': een punt is geen decimaalteken, en alleen een bedrag krijgt punten tussen duizendtallen",
                        fixIts: [.replace(here, with: withComma, "schrijf \(withComma) als het decimalen zijn"),
                                 .replace(here, with: withoutDots, "schrijf \(withoutDots) voor duizendtallen")])
            } else {
                invalid(.invalidNumber, start, "'\(literal)': alleen een bedrag krijgt punten tussen duizendtallen (€ \(literal))",
                        fixIts: [.replace(here, with: withoutDots, "schrijf \(withoutDots)")])
            }
            return
        }
        // 1,234.56: the English notation, comma for thousands and a decimal point.
        let englishGroups = literal.split(separator: ".", omittingEmptySubsequences: false)
        if englishGroups.count == 2, !englishGroups[1].contains(","), englishGroups[0].contains(",") {
            let thousands = englishGroups[0].split(separator: ",", omittingEmptySubsequences: false)
            if (1...3).contains(thousands[0].count), thousands.dropFirst().allSatisfy({ $0.count == 3 }) {
                let dutch = thousands.joined() + "," + englishGroups[1]
                invalid(.invalidNumber, start, "'\(literal)' is Engelse notatie; in het Nederlands scheidt een komma de decimalen",
                        fixIts: [.replace(here, with: dutch, "schrijf \(dutch)")])
                return
            }
        }
        if fraction.isEmpty && groups.count == 2 {
            // 0.75 or 290.67: a decimal point.
            invalid(.invalidNumber, start, "'\(literal)': een punt is geen decimaalteken",
                    fixIts: [.replace(here, with: withComma, "gebruik een komma voor decimalen: \(withComma)")])
            return
        }
        invalid(.invalidNumber, start,
                "'\(literal)' is geen \(amount ? "bedrag" : "getal"): een punt staat alleen in een bedrag, tussen groepen van drie cijfers (€ 2.191,80)",
                suggestion: "schrijf drie cijfers na elke punt, of laat de punten weg; decimalen komen na een komma")
    }

    /// `01-07-2025`, `1/7/2025` or `1.7.2025` as the day it names, for readers of
    /// text that is not lexed (JSON).
    public static func dayFirstDate(_ text: String) -> CivilDate? {
        guard let separator = text.first(where: { "-/.".contains($0) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Whether the number being read is an amount: right after '€', or followed by the word 'euro'.
    func inAmount() -> Bool {
        if tokens.last?.kind == .symbol(.euro) { return true }
        var i = position
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        let word = Array("euro".utf8)
        guard bytes.count >= i + word.count, Array(bytes[i..<(i + word.count)]) == word else { return false }
        let after = i + word.count
        return after == bytes.count || !(startsWord(at: after) || Lexer.isDigit(bytes[after]))
    }
}
