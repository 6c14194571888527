import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a page or an SVG with Foundation's XMLParser and keeps what the
/// tests look at: every element with its attributes, its parent chain and
/// its own text.
final class MarkupCheck: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        let ancestors: [String]
        var text = ""
        var children: [Element] = []
        init(name: String, attributes: [String: String], ancestors: [String]) {
            self.name = name
            self.attributes = attributes
            self.ancestors = ancestors
        }
        /// All text inside, children included.
        var allText: String { text + children.map(\.allText).joined() }
    }

    private(set) var elements: [Element] = []
    private var stack: [Element] = []
    private(set) var error: String?

    /// Nil when the markup is not well-formed XML.
    static func parse(_ markup: String) -> MarkupCheck {
        let check = MarkupCheck()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = check
        if !parser.parse() {
            check.error = "\(parser.parserError.map { "\($0)" } ?? "fout") op regel \(parser.lineNumber), kolom \(parser.columnNumber)"
        }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let element = Element(name: elementName, attributes: attributeDict, ancestors: stack.map(\.name))
        stack.last?.children.append(element)
        stack.append(element)
        elements.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = "\(parseError) op regel \(parser.lineNumber), kolom \(parser.columnNumber)" }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Every id in the page, with duplicates.
    var ids: [String] { elements.compactMap { $0.attributes["id"] } }
}
