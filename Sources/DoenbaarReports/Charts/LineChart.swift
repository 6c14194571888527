/// A line chart of amounts per month (in cents), drawn as inline SVG.
///
/// Series are told apart by line pattern and marker shape as well as by
/// colour, so the chart reads in black and white. A missing value (`nil`)
/// breaks the line. One month gives markers only. Output is byte-stable.
public enum LineChart {
    public enum Marker: Sendable { case square, circle, diamond, triangle }

    public struct Style: Sendable {
        public let stroke: String
        public let width: Double
        /// `stroke-dasharray`, or nil for a solid line.
        public let dash: String?
        public let marker: Marker

        public init(stroke: String, width: Double, dash: String?, marker: Marker) {
            self.stroke = stroke
            self.width = width
            self.dash = dash
            self.marker = marker
        }

        /// Ideal path: thick solid line, filled squares.
        public static let ideaal = Style(stroke: "#154273", width: 3.5, dash: nil, marker: .square)
        /// Realistic path: dashed, open circles.
        public static let realistisch = Style(stroke: "#a4251b", width: 2.25, dash: "7 4", marker: .circle)
        /// As the file describes it: dotted, small diamonds.
        public static let beschreven = Style(stroke: "#1a1a1a", width: 1.75, dash: "1.5 3", marker: .diamond)
        /// Before a reform: solid grey, squares.
        public static let voor = Style(stroke: "#5c5c5c", width: 3.5, dash: nil, marker: .square)
        /// After a reform: dashed, open triangles.
        public static let na = Style(stroke: "#154273", width: 2.25, dash: "7 4", marker: .triangle)
    }

    public struct Series: Sendable {
        public let name: String
        public let values: [Int64?]
        public let style: Style
        public init(name: String, values: [Int64?], style: Style) {
            self.name = name
            self.values = values
            self.style = style
        }
    }

    static let width = 720.0, height = 320.0
    static let left = 92.0, right = 24.0, top = 50.0, bottom = 48.0
    static let inset = 12.0

    /// - Parameters:
    ///   - id: unique in the page; all ids inside derive from it.
    ///   - months: `YYYY-MM`, one per value.
    public static func render(id: String, title: String, description: String,
                              months: [String], series: [Series]) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let n = months.count
        let values = series.flatMap { $0.values.prefix(n).compactMap { $0 } }
        let low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 0)
        let ticks = ChartScale.ticks(low: low, high: high, target: 5, unit: 100)
        let t0 = Double(ticks.first ?? 0), t1 = Double(ticks.last ?? 100)
        func y(_ v: Int64) -> Double { top + plotH * (t1 - Double(v)) / max(1, t1 - t0) }
        func x(_ i: Int) -> Double {
            n <= 1 ? left + plotW / 2 : left + inset + (plotW - 2 * inset) * Double(i) / Double(n - 1)
        }

        var nodes: [SVG.Node] = []

        // Legend, top left: a sample of each line with its marker.
        var legend: [SVG.Node] = []
        var lx = left
        for s in series {
            legend.append(sample(s.style, x: lx, y: 18, length: 30))
            legend.append(SVG.text(lx + 38, 22, s.name, [.init("font-size", "13"), .init("fill", "#1a1a1a")]))
            lx += 38 + SVG.textWidth(s.name, fontSize: 13) + 22
        }
        nodes.append(SVG.group([.init("class", "legenda")], legend))

        // Horizontal grid and euro labels.
        var grid: [SVG.Node] = []
        for t in ticks {
            let ty = y(t)
            let isZero = t == 0
            grid.append(SVG.line(left, ty, width - right, ty, [
                .init("stroke", isZero ? "#1a1a1a" : "#d0d0d0"), .init("stroke-width", isZero ? "1.25" : "1"),
            ]))
            grid.append(SVG.text(left - 8, ty + 4, ChartScale.euroLabel(t), [
                .init("font-size", "12"), .init("text-anchor", "end"), .init("fill", "#333"),
            ]))
        }
        nodes.append(SVG.group([.init("class", "raster")], grid))

        // Month ticks along the bottom; a label every few months so they never overlap.
        var axis: [SVG.Node] = []
        let bottomY = top + plotH
        axis.append(SVG.line(left, bottomY, width - right, bottomY, [.init("stroke", "#1a1a1a"), .init("stroke-width", "1")]))
        let every = max(1, Int((Double(n) * 68 / plotW).rounded(.up)))
        for i in 0..<n {
            let labelled = i % every == 0
            axis.append(SVG.line(x(i), bottomY, x(i), bottomY + (labelled ? 6 : 3), [.init("stroke", "#1a1a1a")]))
            if labelled {
                axis.append(SVG.text(x(i), bottomY + 20, ChartScale.monthLabel(months[i]), [
                    .init("font-size", "12"), .init("text-anchor", "middle"), .init("fill", "#333"),
                ]))
            }
        }
        nodes.append(SVG.group([.init("class", "as")], axis))

        // The series: lines broken at missing values, then markers on every value.
        for (index, s) in series.enumerated() {
            var parts: [SVG.Node] = []
            var run: [(x: Double, y: Double)] = []
            func flush() {
                if run.count > 1 { parts.append(SVG.path(SVG.pathData(run), lineAttributes(s.style))) }
                run = []
            }
            for i in 0..<n {
                if i < s.values.count, let v = s.values[i] { run.append((x(i), y(v))) } else { flush() }
            }
            flush()
            for i in 0..<n where i < s.values.count {
                if let v = s.values[i] { parts.append(marker(s.style, x: x(i), y: y(v))) }
            }
            nodes.append(SVG.group([.init("class", "reeks reeks-\(index + 1)")], parts))
        }

        return SVG.document(id: id, width: width, height: height, title: title, description: description, nodes)
    }

    static func lineAttributes(_ style: Style) -> [SVG.Attribute] {
        var a: [SVG.Attribute] = [
            .init("fill", "none"), .init("stroke", style.stroke), .init("stroke-width", style.width),
            .init("stroke-linejoin", "round"),
        ]
        if let dash = style.dash {
            a.append(.init("stroke-dasharray", dash))
            a.append(.init("stroke-linecap", style.width < 2 ? "round" : "butt"))
        }
        return a
    }

    static func marker(_ style: Style, x: Double, y: Double) -> SVG.Node {
        switch style.marker {
        case .square:
            return SVG.rect(x - 4, y - 4, 8, 8, [.init("fill", style.stroke)])
        case .circle:
            return SVG.circle(x, y, 4.5, [.init("fill", "#fff"), .init("stroke", style.stroke), .init("stroke-width", "2")])
        case .diamond:
            let d = "M\(SVG.number(x)) \(SVG.number(y - 3.5)) L\(SVG.number(x + 3.5)) \(SVG.number(y)) L\(SVG.number(x)) \(SVG.number(y + 3.5)) L\(SVG.number(x - 3.5)) \(SVG.number(y)) Z"
            return SVG.path(d, [.init("fill", style.stroke)])
        case .triangle:
            let d = "M\(SVG.number(x)) \(SVG.number(y - 5)) L\(SVG.number(x + 5)) \(SVG.number(y + 4)) L\(SVG.number(x - 5)) \(SVG.number(y + 4)) Z"
            return SVG.path(d, [.init("fill", "#fff"), .init("stroke", style.stroke), .init("stroke-width", "1.75")])
        }
    }

    static func sample(_ style: Style, x: Double, y: Double, length: Double) -> SVG.Node {
        SVG.group([], [
            SVG.path(SVG.pathData([(x, y), (x + length, y)]), lineAttributes(style)),
            marker(style, x: x + length / 2, y: y),
        ])
    }
}
