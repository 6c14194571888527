import DoenbaarAnalysis
import DoenbaarCore

/// Every Dutch sentence the reports write about a finding, in one place: the
/// detectors find typed data (`Finding`), this writes it out, the way
/// diagnostics are data rendered by one renderer. The knelpuntenrapport, the
/// invoeringstoets, the population report and `doenbaar run` all use it.
///
/// A declaration is named by its label from the rule files, never by its name;
/// the names stay in the evidence (the trace, and the provisions' code spans).
public enum FindingProse {
    // MARK: Names

    /// How a report names a declaration: its label, or else its name read as words.
    public static func name(_ p: ProvisionReference) -> String { p.label ?? words(p.name) }

    /// A name in quotes, as a sentence mentions it: 'Inkomen doorgeven (WW)'.
    public static func quoted(_ p: ProvisionReference) -> String { "'\(name(p))'" }

    /// A name or value from the rules as words: `werk_zoeken` as "werk zoeken".
    static func words(_ name: String) -> String { name.replacingOccurrences(of: "_", with: " ") }

    /// A part of doenvermogen as a reader says it.
    public static func capacity(_ c: Capacity) -> String {
        switch c {
        case .plan: return "plannen"
        case .act: return "in actie komen"
        case .persevere: return "volhouden"
        case .resistTemptation: return "verleiding weerstaan"
        case .copeWithSetbacks: return "tegenslag verwerken"
        }
    }

    public static func capacities(_ parts: [Capacity]) -> String { Format.list(parts.map(capacity)) }

    /// One answer to a choice: 'WW aangevraagd: ja'.
    static func choice(_ a: ChoiceAnswer) -> String { "'\(name(a.fact)): \(a.answer ? "ja" : "nee")'" }

    /// A label that goes mid-sentence after a word: "Nationaliteit" as "nationaliteit" (but "WW" stays).
    static func lowercasedFirst(_ s: String) -> String {
        guard let first = s.first, s.dropFirst().first.map({ !$0.isUppercase }) ?? true else { return s }
        return first.lowercased() + s.dropFirst()
    }

    static func money(_ cents: Int64) -> String { ValueFormatting.cents(cents) }
    static func months(_ n: Int) -> String { "\(n) maand\(n == 1 ? "" : "en")" }

    // MARK: Title and direction

    /// The title of a knelpunt: what goes wrong, in a line.
    public static func title(_ topic: FindingTopic) -> String {
        switch topic {
        case .intent(let intent, let text): return "Bedoeling niet gehaald: \(intent.label ?? (text.isEmpty ? words(intent.name) : text))"
        case .workAway: return "Werk weg van huis kost de uitkering, ook waar de inkomstenregels een deel laten"
        case .fineForRegisteredIncome: return "Boete voor inkomen dat al in de polisadministratie stond"
        case .fineWithoutDetriment: return "Boete terwijl er niets te veel is betaald"
        case .recoveryAtOnce: return "Terugvordering in één keer, groter dan het inkomen of onder de beslagvrije voet"
        case .marginalGain: return "Meer verdienen levert minder op dan de wet beoogt"
        case .smallGainFromWork: return "Werken levert per maand nauwelijks iets op"
        case .choice(let taken): return "Keuze die armer maakt: \(choice(taken))"
        case .reportedChoice(let record, let attribute, let taken, let instead):
            return "Keuze die armer maakt: \(record) met \(attribute) \(Format.list(taken.map(words))) in plaats van \(attribute) \(words(instead))"
        case .capacityGap(let obligation): return "\(name(obligation)) vraagt meer doenvermogen dan mensen hebben"
        case .incomeShock(let benefit):
            return "Verrekening achteraf neemt in één maand een groot deel van het inkomen" + (benefit.map { " (\(name($0)))" } ?? "")
        case .protectedAttribute(let fact, let declarations):
            return "Regel maakt onderscheid naar \(lowercasedFirst(name(fact))): \(Format.list(declarations.map(name)))"
        }
    }

    /// A direction for a solution, from what the knelpunt is about and the rung its leading finding found.
    public static func direction(_ topic: FindingTopic, _ solution: RungChoice) -> String {
        switch topic {
        case .intent:
            if solution.rung == .lawChange || solution.discretion == nil {
                return "Pas de regeling aan zodat de bedoeling weer gehaald wordt; er is geen ruimte binnen de huidige regels."
            }
            let d = solution.discretion!.provision
            return "Benut de beleidsruimte die op het pad ligt (\(quoted(d)), \(d.source)) en leg vast wanneer zij wordt gebruikt."
        case .workAway:
            return "Behandel betaald werk tijdens een verblijf als inkomen volgens de inkomstenregels van de uitkering, in plaats van het recht op die dagen te laten vervallen."
        case .fineForRegisteredIncome:
            return "Leg geen boete op voor inkomen dat de uitvoerder al uit de polisadministratie heeft; geef hooguit een waarschuwing (Boetebesluit art. 2aa) en vorder het te veel betaalde in termijnen boven de beslagvrije voet in."
        case .fineWithoutDetriment:
            return "Geef bij een eerste gemiste melding zonder benadeling een waarschuwing in plaats van een boete (Boetebesluit socialezekerheidswetten art. 2aa; de uitkeringswetten staan een waarschuwing toe)."
        case .recoveryAtOnce:
            return "Vorder in termijnen in, zodat de beslagvrije voet overblijft (Rv art. 475da), en zie bij dringende redenen gedeeltelijk af van terugvordering."
        case .marginalGain:
            return "Zorg dat van elke extra verdiende euro ten minste het beoogde deel overblijft; laat boetes en verrekeningen niet samen het voordeel van werken wegnemen."
        case .smallGainFromWork:
            return "Laat een groter deel van een klein inkomen buiten de verrekening, of vervang de maandelijkse inkomensmelding door gegevens uit de polisadministratie."
        case .choice(let taken):
            return "Zorg dat \(choice(taken)) nooit tot minder inkomen leidt dan \(choice(taken.other)), of wijs de persoon vóór de keuze op de gevolgen."
        case .reportedChoice(let record, let attribute, _, _):
            return "Laat het recht volgen uit wat er gebeurde, niet uit hoe een \(record) wordt genoemd; of wijs de persoon vóór de melding op de gevolgen van elke \(attribute)."
        case .capacityGap:
            return "Vereenvoudig de melding (minder stappen, een ruimere termijn, gegevens uit registers vooraf ingevuld) en geef bij een eerste gemiste melding een waarschuwing in plaats van een boete of het verlies van de uitkering."
        case .incomeShock:
            return "Verreken maandelijks met de gegevens uit de polisadministratie in plaats van een schatting over zes of twaalf maanden, en vorder een verschil in termijnen in."
        case .protectedAttribute:
            return "Formuleer de uitzondering naar het land van verblijf en de omstandigheid (de ramp, de familie ter plaatse), niet naar wie iemand is."
        }
    }

    public static func direction(_ f: Finding) -> String { direction(f.topic, f.solution) }

    // MARK: What happened

    /// What happened to one person, told with the persona's name.
    public static func story(_ story: FindingStory, persona p: String) -> String {
        switch story {
        case .intentFailed(let intent, let text, let months, let difference):
            let period = months.count == 1 ? months[0].dutch
                : "\(months.count) maanden (\(months[0].dutch) tot en met \(months[months.count - 1].dutch))"
            var s = "\(p): de bedoeling \(quoted(intent)) wordt niet gehaald in \(period)."
            if !text.isEmpty { s += " De bedoeling luidt: \"\(text)\"" }
            if difference > 0 { s += " Het verschil: \(money(difference))." }
            return s
        case .workAway(let periods, let loss, let n, let withWork, let withoutWork):
            var s = "\(p) werkt \(periods == 1 ? "een periode" : "\(periods) perioden") weg van huis; op die dagen vervalt de uitkering, terwijl de inkomstenregels van dezelfde verdiensten een deel hadden gelaten. Dat kost \(money(loss)) in \(months(n))."
            if withWork <= withoutWork {
                s += " Met het werk houdt \(p) \(money(withWork)) over, zonder het werk \(money(withoutWork)): werken loont niet."
            }
            return s
        case .disproportion(let month, let reasons):
            return "\(p), \(month.dutch): " + reasons.map(reason).joined(separator: "; ") + "."
        case .marginalGain(let probe, let worst, let n):
            return "\(p): van \(money(probe)) extra verdienen blijft soms maar \(money(worst)) over"
                + (worst < 0 ? ", minder dan niets: meer werken verlaagt het inkomen." : ", minder dan het deel dat de wet zelf beoogt.")
                + " Dat geldt in \(months(n))."
        case .smallGainFromWork(let earned, let kept, let perMonth, let threshold):
            return "\(p) verdient \(money(earned)) met werken, maar houdt daarvan na verrekening \(money(kept)) over: \(money(perMonth)) per maand, minder dan \(money(threshold))."
        case .choice(let taken, let loss, let n, let differences):
            var s = "\(p) houdt met \(choice(taken)) \(money(loss)) minder over dan met \(choice(taken.other)), in \(months(n))."
            if !differences.isEmpty {
                s += " Waarom: " + differences.map { "\(quoted($0.provision)) is \(TraceText.value($0.value)) in plaats van \(TraceText.value($0.otherValue))" }.joined(separator: "; ") + "."
            }
            return s
        case .reportedChoice(let record, let attribute, let taken, let instead, let loss, let n):
            return "\(p) meldde een \(record) met \(attribute) \(Format.list(taken.map(words))); met \(attribute) \(words(instead)) voor dezelfde dagen had \(p) \(money(loss)) meer gehad, in \(months(n))."
        case .missedObligation(let obligation, let times, let level, let parts, let stress, let gap):
            let underStress = stress.isEmpty ? "" : ", in een periode van stress door \(Format.list(stress.map(words)))"
            return "\(p) komt de verplichting \(quoted(obligation)) op het realistische pad \(times) keer niet na: zij vraagt niveau \(level) voor \(capacities(parts))\(underStress). Dat kost \(money(gap)) ten opzichte van het ideale pad."
        case .incomeShock(let month, let taken, let covered, let regular, let net, let previous):
            let over = covered.isEmpty ? ""
                : " over \(covered.count) eerdere maand\(covered.count == 1 ? "" : "en") (\(covered[0].dutch)\(covered.count > 1 ? " tot en met \(covered[covered.count - 1].dutch)" : ""))"
            return "\(p), \(month.dutch): \(money(taken)) wordt in één maand verrekend\(over); het gewone inkomen die maand is \(money(regular)), er blijft \(money(net)) over"
                + (previous.map { ", tegen \(money($0)) de maand ervoor." } ?? ".")
        case .protectedAttribute(let fact, let declarations, let other, let own, let difference):
            return "Met \(lowercasedFirst(name(fact))) \(other) in plaats van \(own ?? "onbekend") krijgt \(p) \(money(abs(difference))) \(difference < 0 ? "minder" : "meer"), bij precies dezelfde feiten. "
                + "De regel \(declarations.map(quoted).joined(separator: ", ")) maakt onderscheid naar een beschermd kenmerk."
        }
    }

    public static func story(_ f: Finding) -> String { story(f.story, persona: f.personaName) }

    /// Why a fine or recovery is out of proportion, as a clause.
    static func reason(_ r: DisproportionReason) -> String {
        switch r {
        case .finesForRegisteredIncome(let g): return "\(fines(g)) voor het niet melden van inkomen dat de uitvoerder al in de polisadministratie had"
        case .finesWithoutDetriment(let g): return "\(fines(g)) terwijl er niets te veel is betaald"
        case .moreThanIncome(let recovered, let fined, let count, let income):
            let what = recovered > 0 && fined > 0 ? "terugvordering en boetes samen" : recovered > 0 ? "de terugvordering" : "de boetes"
            let verb = recovered > 0 && fined > 0 || fined > 0 && count > 1 ? "zijn" : "is"
            return "\(what) (\(money(recovered + fined))) \(verb) meer dan het inkomen van de maand (\(money(income)))"
        case .belowProtectedMinimum(let net, let minimum):
            return "in één keer verrekend blijft er \(money(net)) over, minder dan de beslagvrije voet van \(money(minimum)) (95% van de bijstandsnorm, Rv art. 475da)"
        }
    }

    /// "3 boetes van samen € 450,00 (over januari 2024 tot en met maart 2024)".
    static func fines(_ g: FineGroup) -> String {
        let period = g.from == g.through ? g.from.dutch : "\(g.from.dutch) tot en met \(g.through.dutch)"
        return g.count == 1 ? "een boete van \(money(g.totalCents)) (over \(period))"
                            : "\(g.count) boetes van samen \(money(g.totalCents)) (over \(period))"
    }

    // MARK: Doenvermogen and the other action

    /// The doenvermogen angle of a finding.
    public static func capacity(_ angle: CapacityAngle, persona p: String) -> String {
        switch angle {
        case .obligationUnderStress:
            return "De verplichting valt in een periode van stress; niet handelen is dan een kwestie van niet kunnen, niet van niet willen (WRR 2017)."
        case .obligationAboveCapacity:
            return "Wat de verplichting vraagt, ligt boven het doenvermogen van wie haar moet nakomen."
        case .stress(let kinds):
            return "Dit valt in een periode van stress (\(kinds.map(words).joined(separator: ", "))): het doenvermogen is dan lager."
        case .monthlyReport(let obligation, let demands, let steps):
            return "Daarvoor moet \(p) elke maand het inkomen melden: \(quoted(obligation)) vraagt \(capacities(demands)), in \(steps) stap\(steps == 1 ? "" : "pen")."
        case .choiceUnforeseeable:
            return "Wie deze keuze maakt, volgt de gewone weg; dat die nadelig kan zijn, is niet te voorzien zonder de samenloopregels te kennen."
        case .honestReport:
            return "Wie onder stress meldt wat er gebeurde, kiest de eerlijke reden; dat een andere reden de uitkering had behouden, is niet te voorzien."
        case .workAwayUnseen:
            return "Wie gewend is over de grens te werken, ziet niet dat de uitkering die dagen vervalt: de regel gaat over verblijf, niet over werk."
        case .largeRecovery:
            return "Een grote terugvordering vraagt om tegenslag te verwerken en een betalingsregeling te treffen, juist als het inkomen laag is."
        }
    }

    public static func capacity(_ f: Finding) -> String? { f.capacity.map { capacity($0, persona: f.personaName) } }

    /// The one different action that would have avoided the harm.
    public static func avoidance(_ action: AvoidingAction, persona p: String) -> String {
        switch action {
        case .reportAsAlternative(let value, let gain):
            return "Had \(p) de dagen in het buitenland vooraf als \(words(value)) gemeld, dan was \(money(gain)) behouden gebleven\(value == "vakantie" ? ", zolang er vakantiedagen waren" : "")."
        case .workAtHome(let gain):
            return "Had \(p) hetzelfde werk in Nederland gedaan, dan had \(p) \(money(gain)) meer gehad."
        case .reportDespiteRegister:
            return "Had \(p) het inkomen zelf gemeld, ook al stond het in de polisadministratie, dan was er geen boete geweest."
        case .otherChoice(let answer, let gain):
            return "Met \(choice(answer)) had \(p) \(money(gain)) meer gehad."
        case .reportWithOtherValue(let attribute, let value, let gain):
            return "Met \(attribute) \(words(value)) gemeld had \(p) \(money(gain)) meer gehad, zolang de regels die reden toestaan."
        case .reportOnTime(let gain):
            return "Op tijd melden (het ideale pad) had \(money(gain)) gescheeld."
        case .estimateFollowsIncome:
            return "Een schatting die het werkelijke inkomen volgt (wijzigingen direct doorgeven) had de verrekening klein gehouden."
        }
    }

    public static func avoidance(_ f: Finding) -> String? { f.avoidance.map { avoidance($0, persona: f.personaName) } }

    // MARK: The solution ladder

    /// The articles a change of the law would amend: those of the rung, or else
    /// the rules, definitions and exceptions the knelpunt rests on.
    public static func articles(_ solution: RungChoice, provisions: [ProvisionReference] = []) -> [ProvisionReference] {
        guard solution.rung == .lawChange else { return [] }
        if !solution.articles.isEmpty { return solution.articles }
        return Array(provisions.filter { [.rule, .definition, .exception].contains($0.kind) }.prefix(2))
    }

    /// A source as a citation of articles, without the explanations in parentheses:
    /// "Werkloosheidswet art. 19 lid 1 onderdeel e (geen recht bij ...)" as "Werkloosheidswet art. 19 lid 1 onderdeel e".
    public static func citation(_ source: String) -> String {
        var out = "", depth = 0
        for c in source {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        var text = out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for (bad, good) in [(" ;", ";"), (" ,", ","), (" .", ".")] { text = text.replacingOccurrences(of: bad, with: good) }
        return text.isEmpty ? source : text
    }

    /// An article to change, as the minister reads it: the article, and the provision it carries.
    public static func article(_ p: ProvisionReference) -> String { "\(p.source), de bepaling achter \(quoted(p))" }

    /// Why this rung: the discretion point on the path, or that only a change of the law helps and where.
    public static func reason(_ solution: RungChoice, provisions: [ProvisionReference] = []) -> String {
        if let d = solution.discretion, solution.rung != .lawChange {
            return "Beleidsruimte \(quoted(d.provision)) (\(d.provision.source)): \(d.text)"
        }
        let articles = articles(solution, provisions: provisions)
        return noDiscretion + (articles.isEmpty ? "" : " Te wijzigen: " + articles.map(article).joined(separator: "; en ") + ".")
    }

    /// Rung 3 in a sentence, before the articles to change.
    public static let noDiscretion = "Er ligt geen beleidsruimte op het pad van deze uitkomst; alleen een wetswijziging kan haar veranderen."

    public static func reason(_ f: Finding) -> String { reason(f.solution, provisions: f.provisions) }

    /// The rung in a few words, for summaries: "trede 1, maatwerk binnen de wet: 'Boete matigen'".
    public static func rungInShort(_ solution: RungChoice, provisions: [ProvisionReference] = []) -> String {
        switch solution.rung {
        case .tailoring, .policyRule:
            let what = solution.rung == .tailoring ? "op te lossen met maatwerk binnen de wet (trede 1)" : "op te lossen met een interpretatie of beleidsregel (trede 2)"
            return what + (solution.discretion.map { ", met \(quoted($0.provision))" } ?? "")
        case .lawChange:
            let articles = articles(solution, provisions: provisions)
            return "vraagt een wetswijziging (trede 3)" + (articles.isEmpty ? "" : " van \(Format.list(articles.map(\.source)))")
        }
    }

    // MARK: A lens

    /// The same event as another detector saw it.
    public static func story(_ lens: Lens, persona p: String) -> String { story(lens.story, persona: p) }
}
