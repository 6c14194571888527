/// A horizontal bar chart, drawn as inline SVG: per row a label above the
/// bar and the value, written out, in a column on the right. Values may be
/// negative (bars then run left of the zero line). Bars are told apart by
/// fill pattern (solid, hatched, open) and by their written value, never by
/// colour alone. Output is byte-stable.
public enum BarChart {
    public enum Fill: Sendable, Hashable { case solid, hatched, open }

    public struct Bar: Sendable {
        public let label: String
        public let value: Int64
        /// The value as the reader sees it, e.g. `33.600 mensen · ernst hoog`.
        public let valueLabel: String
        public let fill: Fill
        public init(label: String, value: Int64, valueLabel: String, fill: Fill) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.fill = fill
        }
    }

    public struct LegendItem: Sendable {
        public let fill: Fill
        public let label: String
        public init(fill: Fill, label: String) {
            self.fill = fill
            self.label = label
        }
    }

    static let width = 720.0
    static let left = 8.0, valueColumn = 210.0
    static let rowHeight = 46.0, barHeight = 16.0
    static let ink = "#154273"

    /// - Parameters:
    ///   - id: unique in the page; pattern and title ids derive from it.
    ///   - unit: ticks are whole multiples of this (100 for cents: whole euros).
    ///   - tickLabel: how a tick value is written under the axis.
    public static func render(id: String, title: String, description: String, bars: [Bar],
                              legend: [LegendItem], unit: Int64 = 1,
                              tickLabel: (Int64) -> String) -> String {
        let top = legend.isEmpty ? 12.0 : 44.0
        let plotRight = width - valueColumn - 16
        let plotW = plotRight - left
        let low = min(0, bars.map(\.value).min() ?? 0), high = max(0, bars.map(\.value).max() ?? 0)
        let ticks = ChartScale.ticks(low: low, high: high, target: 4, unit: unit)
        let t0 = Double(ticks.first ?? 0), t1 = Double(ticks.last ?? 1)
        func x(_ v: Int64) -> Double { left + plotW * (Double(v) - t0) / max(1, t1 - t0) }
        let rowsBottom = top + rowHeight * Double(max(bars.count, 1))
        let height = rowsBottom + 34

        var nodes: [SVG.Node] = [definitions(id)]

        if !legend.isEmpty {
            var items: [SVG.Node] = []
            var lx = left
            for item in legend {
                items.append(SVG.rect(lx, 10, 22, 14, fillAttributes(item.fill, id: id)))
                items.append(SVG.text(lx + 30, 22, item.label, [.init("font-size", "13"), .init("fill", "#1a1a1a")]))
                lx += 30 + SVG.textWidth(item.label, fontSize: 13) + 22
            }
            nodes.append(SVG.group([.init("class", "legenda")], items))
        }

        var grid: [SVG.Node] = []
        for t in ticks {
            grid.append(SVG.line(x(t), top - 4, x(t), rowsBottom, [.init("stroke", t == 0 ? "#1a1a1a" : "#d0d0d0"), .init("stroke-width", t == 0 ? "1.25" : "1")]))
            let anchor = t == ticks.first ? "start" : (t == ticks.last ? "end" : "middle")
            grid.append(SVG.text(x(t), rowsBottom + 18, tickLabel(t), [
                .init("font-size", "12"), .init("text-anchor", anchor), .init("fill", "#333"),
            ]))
        }
        nodes.append(SVG.group([.init("class", "raster")], grid))

        var rows: [SVG.Node] = []
        let labelX = left + 6
        for (i, bar) in bars.enumerated() {
            let rowTop = top + rowHeight * Double(i)
            let barY = rowTop + 20
            let start = x(min(0, bar.value)), end = x(max(0, bar.value))
            let barW = bar.value == 0 ? 0 : max(2, end - start)
            let barX = bar.value < 0 ? end - barW : start
            rows.append(SVG.group([.init("class", "staaf")], [
                .element("title", [], [.text("\(bar.label): \(bar.valueLabel)")]),
                SVG.text(labelX, rowTop + 14, SVG.fit(bar.label, width: width - labelX - 4, fontSize: 13), [
                    .init("font-size", "13"), .init("fill", "#1a1a1a"),
                ]),
                SVG.rect(barX, barY, barW, barHeight, fillAttributes(bar.fill, id: id)),
                // The value right after the bar (or after the zero line for a negative bar).
                SVG.text(max(barX + barW, x(0)) + 8, barY + 12.5, SVG.fit(bar.valueLabel, width: valueColumn, fontSize: 13), [
                    .init("font-size", "13"), .init("font-weight", "bold"), .init("fill", "#1a1a1a"),
                ]),
            ]))
        }
        if bars.isEmpty {
            rows.append(SVG.text(left, top + 24, "Geen gegevens.", [.init("font-size", "13"), .init("fill", "#1a1a1a")]))
        }
        nodes.append(SVG.group([.init("class", "staven")], rows))

        return SVG.document(id: id, width: width, height: height, title: title, description: description, nodes)
    }

    static func definitions(_ id: String) -> SVG.Node {
        .element("defs", [], [
            .element("pattern", [
                .init("id", id + "-arcering"), .init("width", "6"), .init("height", "6"),
                .init("patternUnits", "userSpaceOnUse"), .init("patternTransform", "rotate(45)"),
            ], [
                SVG.rect(0, 0, 6, 6, [.init("fill", "#fff")]),
                SVG.line(0, 0, 0, 6, [.init("stroke", ink), .init("stroke-width", "3")]),
            ]),
        ])
    }

    static func fillAttributes(_ fill: Fill, id: String) -> [SVG.Attribute] {
        switch fill {
        case .solid: return [.init("fill", ink), .init("stroke", ink), .init("stroke-width", "1")]
        case .hatched: return [.init("fill", "url(#\(id)-arcering)"), .init("stroke", ink), .init("stroke-width", "1.25")]
        case .open: return [.init("fill", "#fff"), .init("stroke", ink), .init("stroke-width", "1.5"), .init("stroke-dasharray", "3 2")]
        }
    }
}
