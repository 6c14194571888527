/// Public holidays of the Algemene termijnenwet, art. 3 lid 1: Nieuwjaarsdag,
/// tweede Paas- en Pinksterdag, Hemelvaartsdag, beide Kerstdagen, Koningsdag
/// and 5 mei (Sundays, also listed there, are weekend days anyway). Goede
/// Vrijdag is only assimilated by art. 3 lid 2 and is not counted here.
public enum Holidays {
    public static func isPublicHoliday(_ date: CivilDate) -> Bool {
        let (y, m, d) = date.components
        switch (m, d) {
        case (1, 1), (12, 25), (12, 26), (5, 5): return true
        case (4, 27): return date.isoWeekday != 7          // Koningsdag moves to the 26th when the 27th is a Sunday
        case (4, 26): return CivilDate(year: y, month: 4, day: 27)!.isoWeekday == 7
        default: break
        }
        let easter = easterSundays.value(for: y, easterSunday)
        let offset = Int(date.dayNumber - easter.dayNumber)
        return offset == 1 || offset == 39 || offset == 50  // Easter Monday, Ascension, Whit Monday
    }

    /// Gregorian Easter Sunday (anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }
}

/// Easter Sunday per year, computed once per year (a day-by-day loop asks for
/// the same year hundreds of times).
private let easterSundays = SharedMemo<Int, CivilDate>(limit: 1024)
