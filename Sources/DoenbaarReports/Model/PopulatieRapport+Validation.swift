import DoenbaarCore

extension PopulatieRapport {
    /// What cannot be true of estimates `doenbaar populatie` made: a negative
    /// count, an interval that does not hold its estimate, more people hit
    /// than were drawn, text that would read otherwise. A `populatie.json`
    /// edited by hand or broken in transit is refused rather than printed
    /// into a report. Each problem names the field, in Dutch.
    public var problems: [String] {
        var found: [String] = []
        func check(_ holds: Bool, _ problem: @autoclosure () -> String) { if !holds { found.append(problem()) } }
        func text(_ value: String, _ field: String) {
            if let bad = value.unicodeScalars.first(where: { CharacterPolicy.forbidden($0) != nil }) {
                found.append("\(field) bevat \(CharacterPolicy.forbidden(bad)!)")
            }
        }
        check(omvang > 0, "omvang is \(omvang); een populatie heeft ten minste één persoon")
        check((0...max(0, omvang)).contains(niet_doorgerekend), "niet_doorgerekend is \(niet_doorgerekend), buiten 0 tot de omvang \(omvang)")
        text(titel, "titel")
        for (i, g) in groepen.enumerated() {
            check(g.synthetische_personen >= 0 && g.uitkeringen >= 0, "groepen[\(i)] heeft een negatief aantal")
            text(g.groep, "groepen[\(i)].groep")
        }
        for (i, s) in schattingen.enumerated() {
            let at = "schattingen[\(i)] (\(s.id))"
            text(s.id, "schattingen[\(i)].id"); text(s.titel, "\(at).titel"); text(s.soort_titel, "\(at).soort_titel")
            check(s.personen_laag >= 0 && s.personen_laag <= s.personen && s.personen <= s.personen_hoog,
                  "\(at): het interval \(s.personen_laag) tot \(s.personen_hoog) bevat de schatting \(s.personen) niet, of is negatief")
            check(s.bedrag_laag_cent >= 0 && s.bedrag_laag_cent <= s.bedrag_cent && s.bedrag_cent <= s.bedrag_hoog_cent,
                  "\(at): het interval van het bedrag bevat het bedrag niet, of is negatief")
            let h = s.schade
            check(h.gemist_recht_cent >= 0 && h.boetes_cent >= 0 && h.terugbetaling_cent >= 0
                  && (0...h.terugbetaling_cent).contains(h.onder_beslagvrije_voet_cent),
                  "\(at): een bedrag in de schade is negatief, of er is meer onder de beslagvrije voet ingehouden dan terugbetaald")
            check((0...max(0, omvang)).contains(s.synthetische_treffers),
                  "\(at): \(s.synthetische_treffers) synthetische personen getroffen, buiten 0 tot de omvang \(omvang)")
            if let g = s.gevoeligheid {
                check(g.personen_laag >= 0 && g.personen_laag <= g.personen_hoog && g.bedrag_laag_cent >= 0 && g.bedrag_laag_cent <= g.bedrag_hoog_cent,
                      "\(at): het bereik over de aannames loopt achteruit of is negatief")
            }
        }
        for (i, line) in werkwijze.enumerated() { text(line, "werkwijze[\(i)]") }
        return found
    }
}
