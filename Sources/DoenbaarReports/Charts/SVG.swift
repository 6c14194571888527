/// A tiny SVG builder for the charts in the reports.
///
/// Safe by construction: element and attribute names are written by the
/// chart code itself, every attribute value and every text is escaped.
/// Byte-stable: numbers are written with one fixed decimal by integer
/// arithmetic (no locale, no floating-point noise), attributes keep the
/// order in which they were given, and ids come from the caller, never
/// from a counter or a random source.
public enum SVG {
    /// An element or a piece of text.
    public struct Node: Sendable {
        fileprivate enum Content: Sendable {
            case element(name: String, attributes: [Attribute], children: [Node])
            case text(String)
        }
        fileprivate let content: Content

        /// Text content, escaped when rendered.
        public static func text(_ text: String) -> Node { Node(content: .text(text)) }

        /// An element; `name` and the attribute names must be literals of the chart code.
        public static func element(_ name: String, _ attributes: [Attribute] = [], _ children: [Node] = []) -> Node {
            Node(content: .element(name: name, attributes: attributes, children: children))
        }

        public func render() -> String {
            var out = ""
            render(into: &out)
            return out
        }

        fileprivate func render(into out: inout String) {
            switch content {
            case .text(let text):
                out += HTML.escape(text)
            case .element(let name, let attributes, let children):
                out += "<" + name
                for a in attributes { out += " \(a.name)=\"\(HTML.escape(a.value))\"" }
                if children.isEmpty { out += "/>"; return }
                out += ">"
                for child in children { child.render(into: &out) }
                out += "</" + name + ">"
            }
        }
    }

    public struct Attribute: Sendable {
        public let name: String
        public let value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
        public init(_ name: String, _ value: Double) { self.name = name; self.value = SVG.number(value) }
    }

    // MARK: Numbers

    /// A coordinate with at most one decimal, rounded half away from zero:
    /// `12`, `12.5`, `-0.3`. Never `-0`, never an exponent, no locale.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = (x * 10).rounded(.toNearestOrAwayFromZero)
        let clamped = Swift.max(Swift.min(tenths, 1e15), -1e15)
        let t = Int64(clamped)
        if t == 0 { return "0" }
        let magnitude = t.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        return (t < 0 ? "-" : "") + (fraction == 0 ? "\(whole)" : "\(whole).\(fraction)")
    }

    // MARK: Shapes

    public static func group(_ attributes: [Attribute] = [], _ children: [Node]) -> Node {
        .element("g", attributes, children)
    }

    public static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ attributes: [Attribute] = []) -> Node {
        .element("line", [.init("x1", x1), .init("y1", y1), .init("x2", x2), .init("y2", y2)] + attributes)
    }

    public static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ attributes: [Attribute] = []) -> Node {
        .element("rect", [.init("x", x), .init("y", y), .init("width", Swift.max(0, width)), .init("height", Swift.max(0, height))] + attributes)
    }

    public static func circle(_ cx: Double, _ cy: Double, _ r: Double, _ attributes: [Attribute] = []) -> Node {
        .element("circle", [.init("cx", cx), .init("cy", cy), .init("r", r)] + attributes)
    }

    public static func text(_ x: Double, _ y: Double, _ text: String, _ attributes: [Attribute] = []) -> Node {
        .element("text", [.init("x", x), .init("y", y)] + attributes, [.text(text)])
    }

    /// A polyline as path data: `M x y L x y ...`.
    public static func pathData(_ points: [(x: Double, y: Double)]) -> String {
        var d = ""
        for (i, p) in points.enumerated() {
            d += (i == 0 ? "M" : " L") + "\(number(p.x)) \(number(p.y))"
        }
        return d
    }

    public static func path(_ d: String, _ attributes: [Attribute] = []) -> Node {
        .element("path", [.init("d", d)] + attributes)
    }

    /// The outer element: a self-describing image (`role="img"` with a
    /// `<title>` and a `<desc>` that name it for screen readers), scaled by
    /// its viewBox. `id` must be unique in the page; the title and
    /// description ids derive from it.
    public static func document(id: String, width: Double, height: Double, title: String, description: String,
                                _ children: [Node]) -> String {
        let titleID = id + "-titel", descID = id + "-beschrijving"
        let root = Node.element("svg", [
            .init("xmlns", "http://www.w3.org/2000/svg"),
            .init("id", id),
            .init("class", "grafiek"),
            .init("role", "img"),
            .init("aria-labelledby", titleID),
            .init("aria-describedby", descID),
            .init("viewBox", "0 0 \(number(width)) \(number(height))"),
            .init("width", width),
            .init("height", height),
            .init("font-family", "inherit"),
        ], [
            .element("title", [.init("id", titleID)], [.text(title)]),
            .element("desc", [.init("id", descID)], [.text(description)]),
        ] + children)
        return root.render()
    }

    // MARK: Text

    /// A rough width of a text in the report's sans-serif face, to keep
    /// labels inside the chart. Deliberately generous.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        var units = 0.0
        for c in text {
            switch c {
            case "i", "l", "j", "'", "|", ".", ",", ":", ";", "!": units += 0.3
            case " ", "f", "t", "r", "(", ")", "-": units += 0.4
            case "m", "w", "M", "W", "€": units += 0.95
            case _ where c.isUppercase: units += 0.74
            case _ where c.isNumber: units += 0.64
            default: units += 0.62
            }
        }
        return units * fontSize
    }

    /// `text` shortened with an ellipsis so it fits in `width`.
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        if textWidth(text, fontSize: fontSize) <= width { return text }
        var kept = ""
        for c in text {
            if textWidth(kept + String(c) + "…", fontSize: fontSize) > width { break }
            kept.append(c)
        }
        while kept.last == " " || kept.last == "," || kept.last == ":" { kept.removeLast() }
        return kept + "…"
    }
}

/// Scales, ticks and Dutch labels shared by the charts.
public enum ChartScale {
    /// A step of 1, 2, 2,5 or 5 times a power of ten (and a multiple of
    /// `unit`) such that about `target` steps cover `span`. Integer
    /// arithmetic only.
    public static func niceStep(span: Int64, target: Int, unit: Int64 = 1) -> Int64 {
        let span = Swift.max(span, 1)
        let raw = Swift.max(unit, (span + Int64(Swift.max(target, 1)) - 1) / Int64(Swift.max(target, 1)))
        var magnitude: Int64 = 1
        while magnitude <= raw / 10 { magnitude *= 10 }
        for candidate in [magnitude, 2 * magnitude, magnitude * 5 / 2, 5 * magnitude, 10 * magnitude]
        where candidate >= raw && candidate % unit == 0 {
            return candidate
        }
        return 10 * magnitude
    }

    /// Ticks from at most `low` to at least `high`, including zero when the
    /// range holds it.
    public static func ticks(low: Int64, high: Int64, target: Int, unit: Int64 = 1) -> [Int64] {
        let step = niceStep(span: high - low, target: target, unit: unit)
        var first = floorDiv(low, step) * step
        var last = -floorDiv(-high, step) * step
        if first == last { if first == 0 { last = step } else if first > 0 { first = 0 } else { last = 0 } }
        var out: [Int64] = []
        var t = first
        while t <= last { out.append(t); t += step }
        return out
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static let shortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    /// `2025-01` -> `jan 2025`; anything else unchanged.
    public static func monthLabel(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return iso }
        return "\(shortMonths[month - 1]) \(year)"
    }

    /// Whole euros from cents, Dutch style: `€ 1.234`, `€ -50`.
    public static func euroLabel(_ cents: Int64) -> String { Format.euroRounded(cents) }
}
