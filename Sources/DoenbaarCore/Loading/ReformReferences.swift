/// What still refers to a declaration a reform lets lapse (`vervalt`): a rule
/// or definition reading it, an exception on it, a discretion point covering
/// it, a persona block filling it. Each such reference is an error at its
/// place, naming the reform, with a note at the `vervalt` line. The check
/// works on syntax and does not depend on `geldig vanaf`: a reform that
/// starts on a date keeps a lapsed declaration before the start, but from the
/// start nothing may read it, so the same text is right or wrong either way.
enum ReformReferences {
    struct Reference {
        let name: String
        let range: SourceRange
    }

    /// Every reference from a declaration that stays (a baseline declaration the
    /// reform neither replaces nor drops, or one of the reform's own) to a
    /// declaration the reform drops.
    static func check(_ header: ReformSyntax, baseline: [SyntaxFile], reform: [SyntaxFile], diagnostics: inout DiagnosticBag) {
        var removedAt: [String: SourceRange] = [:]
        for n in header.removes where removedAt[n.text] == nil { removedAt[n.text] = n.range }
        guard !removedAt.isEmpty else { return }
        let out = Set(header.replaces.map(\.text)).union(removedAt.keys)
        var redeclared = Set<String>()
        for file in reform { for (d, _) in file.declarations { if let n = d.declaredName { redeclared.insert(n.text) } } }

        func report(_ d: DeclarationSyntax, inReform: Bool) {
            guard let referrer = d.declaredName else { return }
            for ref in references(of: d) {
                // A lapsed name the reform declares again is reported by the loader already.
                guard let lapses = removedAt[ref.name], !redeclared.contains(ref.name) else { continue }
                let what = "\(d.kindNoun) '\(referrer.text)'"
                let hint = inReform
                    ? "laat '\(ref.name)' niet vervallen, of verwijs er in \(what) niet meer naar"
                    : "laat \(what) ook vervallen, of zet '\(referrer.text)' onder 'vervangt' met een nieuwe versie zonder '\(ref.name)'"
                diagnostics.add(Diagnostic(.removedByReform, at: ref.range,
                                           "'\(ref.name)' vervalt door hervorming '\(header.name.text)', maar \(what) verwijst er nog naar",
                                           suggestion: hint,
                                           notes: [.init(range: lapses, message: "hier laat hervorming '\(header.name.text)' '\(ref.name)' vervallen")]))
            }
        }
        for file in baseline {
            for (d, _) in file.declarations where d.declaredName.map({ !out.contains($0.text) }) ?? false { report(d, inReform: false) }
        }
        for file in reform {
            for (d, _) in file.declarations { report(d, inReform: true) }
        }
    }

    /// The names a declaration refers to, where they are written.
    static func references(of d: DeclarationSyntax) -> [Reference] {
        var out: [Reference] = []
        func name(_ n: Name?) { if let n { out.append(Reference(name: n.text, range: n.range)) } }
        func expression(_ e: Expr?) { if let e { names(in: e, into: &out) } }
        switch d {
        case .reform, .regulation, .enumeration, .benefit, .parameter, .input:
            break
        case .definition(let s):
            expression(s.body)
        case .rule(let s):
            name(s.benefit)
            expression(s.condition)
            expression(s.body)
        case .exception(let s):
            name(s.target)
            expression(s.condition)
            expression(s.body)
        case .obligation(let s):
            expression(s.applies)
            expression(s.fulfilled)
            for c in s.consequences {
                expression(c.amount)
                expression(c.detrimentShare)
            }
            name(s.report)
        case .discretion(let s):
            s.rules.forEach(name)
            expression(s.scope)
        case .intent(let s):
            expression(s.condition)
            expression(s.requirement)
        case .fact(let s):
            expression(s.defaultValue)
        case .section(let s):
            name(s.presence)
            name(s.caseload)
            for f in s.fields { name(f.fact) }
        case .record(let s):
            name(s.shape?.fact)
            name(s.start)
            for a in s.attributes { name(a.fact) }
            for k in s.knowledgeFacts { name(k.fact) }
            name(s.earns)
        }
        return out
    }

    /// Names read in an expression (function names are not declarations).
    static func names(in e: Expr, into out: inout [Reference]) {
        switch e.kind {
        case .literal, .invalid: break
        case .name(let n): out.append(Reference(name: n, range: e.range))
        case .unary(_, let a): names(in: a, into: &out)
        case .binary(_, let a, let b):
            names(in: a, into: &out)
            names(in: b, into: &out)
        case .call(_, let arguments):
            for a in arguments { names(in: a, into: &out) }
        case .conditional(let c, let a, let b):
            names(in: c, into: &out)
            names(in: a, into: &out)
            names(in: b, into: &out)
        }
    }
}

extension DeclarationSyntax {
    /// What a drafter calls this kind of declaration, as in its keyword.
    var kindNoun: String {
        switch self {
        case .reform: return "hervorming"
        case .regulation: return "regeling"
        case .enumeration: return "opsomming"
        case .benefit: return "uitkering"
        case .parameter: return "parameter"
        case .definition: return "definitie"
        case .rule: return "regel"
        case .exception: return "uitzondering"
        case .obligation: return "verplichting"
        case .discretion: return "beleidsruimte"
        case .intent: return "bedoeling"
        case .input: return "invoer"
        case .fact: return "gegeven"
        case .section: return "onderdeel"
        case .record: return "opgave"
        }
    }

    /// Kinds that a reform replaces only by a declaration of the same kind: with
    /// a start date the two live side by side as versions of one name.
    var isVersionable: Bool {
        switch self {
        case .obligation, .intent, .discretion: return true
        default: return false
        }
    }
}
