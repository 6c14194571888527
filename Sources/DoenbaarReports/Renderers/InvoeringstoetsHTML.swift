/// The invoeringstoets as one self-contained HTML page.
/// (First version by the lead; the HTML/chart helper may restyle it.)
public enum InvoeringstoetsHTML {
    public static func render(_ r: InvoeringstoetsRapport) -> String {
        let h = r.hervorming
        var body = "<h1>\(HTML.escape(r.titel))</h1>\n"
        body += "<p>Hervorming <code>\(HTML.escape(h.naam))</code>: \(HTML.escape(h.titel)). Bron: \(HTML.escape(h.bron)).</p>\n"
        body += "<h2 id=\"bedoelingen\">Werkt de regeling zoals bedoeld?</h2>\n<table><thead><tr><th scope=\"col\">Bedoeling</th><th scope=\"col\">Voor: geschonden bij</th><th scope=\"col\">Na: geschonden bij</th><th scope=\"col\">Oordeel</th></tr></thead><tbody>\n"
        for b in r.bedoelingen {
            body += "<tr><td>\(HTML.escape(b.tekst))</td><td>\(HTML.escape(InvoeringstoetsMarkdown.who(b.voor_personas, b.voor_personen)))</td><td>\(HTML.escape(InvoeringstoetsMarkdown.who(b.na_personas, b.na_personen)))</td><td>\(HTML.escape(b.oordeel))</td></tr>\n"
        }
        body += "</tbody></table>\n<h2 id=\"knelpunten\">Knelpunten</h2>\n"
        for (title, list) in [("Opgelost", r.opgelost), ("Blijvend", r.blijvend), ("Nieuw", r.nieuw)] {
            body += "<h3>\(title)</h3>\n"
            if list.isEmpty { body += "<p>Geen.</p>\n"; continue }
            body += "<ul>\n" + list.map { "<li><strong>\(HTML.escape($0.titel))</strong> (\(HTML.escape($0.soort_titel)), ernst \(HTML.escape($0.ernst))): ongeveer \(Format.count($0.personen)) mensen</li>\n" }.joined() + "</ul>\n"
        }
        body += "<h2 id=\"inkomen\">Inkomen per persona, voor en na</h2>\n<table><thead><tr><th scope=\"col\">Persona</th><th scope=\"col\" class=\"getal\">Gewicht</th><th scope=\"col\" class=\"getal\">Verschil</th></tr></thead><tbody>\n"
        for p in r.personas {
            body += "<tr><td>\(HTML.escape(p.naam))</td><td class=\"getal\">\(Format.count(p.gewicht))</td><td class=\"getal\">\(HTML.escape(Format.euro(p.verschil_cent)))</td></tr>\n"
        }
        body += "</tbody></table>\n<h2>Werkwijze</h2>\n<ul>\n" + r.werkwijze.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
        return HTML.page(title: r.titel, body: body)
    }
}
