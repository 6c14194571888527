import Foundation

/// JSON import of personas, for generated data. Same content as a `.persona`
/// file; amounts in whole cents, dates as "JJJJ-MM-DD", months as "JJJJ-MM".
/// The shape is documented in the README.
public enum PersonaJSON {
    struct Document: Decodable {
        struct WW: Decodable {
            let ingang: CivilDate; let dagloon_cent: Int64; let arbeidsverleden_jaren: Int
            let verwijtbaar: Bool?; let aangevraagd: Bool?
        }
        struct Wajong: Decodable { let ingang: CivilDate; let arbeidsvermogen: Bool; let loondispensatie: Bool? }
        struct Income: Decodable { let maand: YearMonth; let bedrag_cent: Int64; let gemeld: CivilDate?; let polis: CivilDate? }
        struct Estimate: Decodable { let vanaf: YearMonth; let bedrag_cent: Int64; let bekend: CivilDate }
        struct Stay: Decodable {
            let van: CivilDate; let tot_en_met: CivilDate; let reden: String; let land: String
            let pd_u2: Bool?; let gemeld: CivilDate?; let ontdekt: CivilDate?
        }
        struct Event: Decodable { let datum: CivilDate; let soort: String; let duur_maanden: Int? }
        struct Expected: Decodable { let maand: YearMonth; let uitkering: String; let bedrag_cent: Int64? }

        let naam: String
        let geboren: CivilDate
        let gewicht: Int
        let doenvermogen: [String: Int]
        let ww: WW?
        let wajong: Wajong?
        let inkomen: [Income]?
        let schattingen: [Estimate]?
        let verblijven: [Stay]?
        let gebeurtenissen: [Event]?
        let verwacht: [Expected]?
    }

    public static func decode(_ file: SourceFile, fileID: Int, id: String) -> (Persona?, DiagnosticBag) {
        var diagnostics = DiagnosticBag()
        let whole = SourceRange(fileID: fileID, start: 0, end: 0)
        if file.bytes.isEmpty {
            diagnostics.error(.emptyFile, whole, "JSON-bestand is leeg; verwacht een object met ten minste naam, geboren, gewicht en doenvermogen")
            return (nil, diagnostics)
        }
        let doc: Document
        do {
            doc = try JSONDecoder().decode(Document.self, from: Data(file.bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            let at = locate(context.codingPath.last?.stringValue, in: file, fileID: fileID)
            diagnostics.error(.personaInvalid, at, "verplicht veld '\(key.stringValue)' ontbreekt\(pathText(context.codingPath))")
            return (nil, diagnostics)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            let at = locate(context.codingPath.last?.stringValue, in: file, fileID: fileID)
            let detail = context.codingPath.isEmpty ? "ongeldige JSON" : context.debugDescription
            diagnostics.error(.personaInvalid, at, "\(detail)\(pathText(context.codingPath))")
            return (nil, diagnostics)
        } catch {
            diagnostics.error(.personaInvalid, whole, "JSON is niet te lezen")
            return (nil, diagnostics)
        }
        return build(doc, file: file, fileID: fileID, id: id)
    }

    private static func pathText(_ path: [CodingKey]) -> String {
        let parts = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return parts.isEmpty ? "" : " (bij \(parts.joined(separator: ".")))"
    }

    /// The position of a key in the text, so the caret points near the problem.
    private static func locate(_ key: String?, in file: SourceFile, fileID: Int) -> SourceRange {
        guard let key, let needle = "\"\(key)\"".data(using: .utf8).map([UInt8].init) else {
            return SourceRange(fileID: fileID, start: 0, end: 1)
        }
        let bytes = file.bytes
        if needle.count <= bytes.count {
            for i in stride(from: bytes.count - needle.count, through: 0, by: -1) where bytes[i..<i + needle.count].elementsEqual(needle) {
                return SourceRange(fileID: fileID, start: i, end: i + needle.count)
            }
        }
        return SourceRange(fileID: fileID, start: 0, end: 1)
    }

    private static func build(_ doc: Document, file: SourceFile, fileID: Int, id: String) -> (Persona?, DiagnosticBag) {
        var diagnostics = DiagnosticBag()
        func fail(_ key: String, _ message: String) { diagnostics.error(.personaInvalid, locate(key, in: file, fileID: fileID), message) }
        var capacity: [Capacity: Int] = [:]
        for (name, level) in doc.doenvermogen.sorted(by: { $0.key < $1.key }) {
            guard let part = Capacity(rawValue: name) else { fail(name, "onbekend onderdeel van doenvermogen '\(name)'"); continue }
            guard (1...5).contains(level) else { fail(name, "niveau \(level) van '\(name)' ligt niet tussen 1 en 5"); continue }
            capacity[part] = level
        }
        let absent = Capacity.allCases.filter { capacity[$0] == nil }.map(\.rawValue)
        if !absent.isEmpty { fail("doenvermogen", "doenvermogen mist \(absent.joined(separator: ", "))") }
        if doc.gewicht < 1 { fail("gewicht", "gewicht moet minstens 1 zijn") }
        var p = Persona(id: id, name: doc.naam, birthDate: doc.geboren, weight: doc.gewicht, capacity: capacity)
        p.range = SourceRange(fileID: fileID, start: 0, end: 1)
        if let ww = doc.ww {
            p.ww = WWClaim(start: ww.ingang, dailyWage: Fixed(cents: ww.dagloon_cent), workHistoryYears: ww.arbeidsverleden_jaren,
                           culpable: ww.verwijtbaar ?? false, claimed: ww.aangevraagd ?? true)
        }
        if let w = doc.wajong { p.wajong = WajongClaim(start: w.ingang, workCapacity: w.arbeidsvermogen, wageDispensation: w.loondispensatie ?? false) }
        for i in doc.inkomen ?? [] {
            if p.incomes.contains(where: { $0.month == i.maand }) { fail("inkomen", "inkomen over \(i.maand) staat er twee keer"); continue }
            p.incomes.append(MonthlyIncome(month: i.maand, amount: Fixed(cents: i.bedrag_cent), knowledge: Knowledge(reported: i.gemeld, register: i.polis)))
        }
        for e in doc.schattingen ?? [] {
            if let last = p.estimates.last, e.vanaf <= last.from { fail("schattingen", "schattingen moeten op maand oplopen"); continue }
            p.estimates.append(IncomeEstimate(from: e.vanaf, amount: Fixed(cents: e.bedrag_cent), known: e.bekend))
        }
        for s in doc.verblijven ?? [] {
            guard Fact.stayReasons.dropFirst().contains(s.reden) else { fail("reden", "onbekende reden '\(s.reden)'"); continue }
            guard s.land.count == 2, s.land.allSatisfy({ $0.isASCII && $0.isUppercase }) else { fail("land", "'\(s.land)' is geen landcode van twee hoofdletters"); continue }
            guard s.van <= s.tot_en_met else { fail("tot_en_met", "het verblijf eindigt vóór het begint"); continue }
            if p.stays.contains(where: { $0.from <= s.tot_en_met && s.van <= $0.through }) { fail("verblijven", "verblijven overlappen"); continue }
            p.stays.append(StayAbroad(from: s.van, through: s.tot_en_met, reason: s.reden, country: s.land, pdU2: s.pd_u2 ?? false,
                                      knowledge: Knowledge(reported: s.gemeld, register: s.ontdekt)))
        }
        for e in doc.gebeurtenissen ?? [] {
            guard let kind = LifeEvent.Kind(rawValue: e.soort) else { fail("soort", "onbekende gebeurtenis '\(e.soort)'"); continue }
            p.events.append(LifeEvent(date: e.datum, kind: kind, months: e.duur_maanden))
        }
        for x in doc.verwacht ?? [] {
            p.expectations.append(Expectation(month: x.maand, benefit: x.uitkering, amount: x.bedrag_cent.map { Fixed(cents: $0) }, range: p.range))
        }
        return (diagnostics.hasErrors ? nil : p, diagnostics)
    }
}
