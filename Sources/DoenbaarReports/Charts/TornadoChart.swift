/// A tornado chart, drawn as inline SVG: per assumption a horizontal bar
/// from the estimate with the assumption at its lowest value to the estimate
/// with it at its highest, around a vertical line at the central estimate;
/// the widest bar on top. The part of a bar on the side of the lowest value is
/// hatched, the part on the side of the highest value solid, and both ends are
/// written out beside the bar, so nothing rests on colour alone. Output is
/// byte-stable.
public enum TornadoChart {
    public struct Bar: Sendable {
        /// The assumption in plain Dutch.
        public let label: String
        /// The assumption's lowest and highest value as a reader sees them (`10%`, `30%`).
        public let lowSetting: String
        public let highSetting: String
        /// The estimate with the assumption at its lowest and at its highest value.
        public let atLow: Int64
        public let atHigh: Int64
        public init(label: String, lowSetting: String, highSetting: String, atLow: Int64, atHigh: Int64) {
            self.label = label
            self.lowSetting = lowSetting
            self.highSetting = highSetting
            self.atLow = atLow
            self.atHigh = atHigh
        }
        public var width: Int64 { abs(atHigh - atLow) }
    }

    static let width = 720.0
    static let left = 8.0, right = 712.0
    static let rowHeight = 44.0, barHeight = 14.0
    static let ink = BarChart.ink

    /// The bars widest first (ties keep their order).
    public static func sorted(_ bars: [Bar]) -> [Bar] {
        bars.enumerated().sorted { ($0.element.width, $1.offset) > ($1.element.width, $0.offset) }.map(\.element)
    }

    /// - Parameters:
    ///   - id: unique in the page; pattern and title ids derive from it.
    ///   - central: the estimate with every assumption at its central value.
    ///   - valueLabel: how an estimate is written (`60.923 mensen`).
    public static func render(id: String, title: String, description: String, central: Int64, centralLabel: String,
                              bars: [Bar], valueLabel: (Int64) -> String) -> String {
        let rows = sorted(bars)
        let top = 64.0
        let low = min(central, rows.map { min($0.atLow, $0.atHigh) }.min() ?? central)
        let high = max(central, rows.map { max($0.atLow, $0.atHigh) }.max() ?? central)
        let ticks = ChartScale.ticks(low: low, high: high, target: 4)
        let t0 = Double(ticks.first ?? 0), t1 = Double(ticks.last ?? 1)
        // The plot leaves room on both sides for the written ends.
        let plotLeft = left + 140, plotRight = right - 150
        func x(_ v: Int64) -> Double { plotLeft + (plotRight - plotLeft) * (Double(v) - t0) / max(1, t1 - t0) }
        let rowsBottom = top + rowHeight * Double(max(rows.count, 1))
        let height = rowsBottom + 34

        var nodes: [SVG.Node] = [BarChart.definitions(id)]
        // Legend: which side is which, in words.
        nodes.append(SVG.group([.init("class", "legenda")], [
            SVG.rect(left, 10, 22, 14, BarChart.fillAttributes(.hatched, id: id)),
            SVG.text(left + 30, 22, "aanname op haar laagste waarde", [.init("font-size", "13"), .init("fill", "#1a1a1a")]),
            SVG.rect(left + 270, 10, 22, 14, BarChart.fillAttributes(.solid, id: id)),
            SVG.text(left + 300, 22, "aanname op haar hoogste waarde", [.init("font-size", "13"), .init("fill", "#1a1a1a")]),
        ]))

        var grid: [SVG.Node] = []
        for t in ticks {
            grid.append(SVG.line(x(t), top - 4, x(t), rowsBottom, [.init("stroke", "#d0d0d0"), .init("stroke-width", "1")]))
            let anchor = t == ticks.first ? "start" : (t == ticks.last ? "end" : "middle")
            grid.append(SVG.text(x(t), rowsBottom + 18, valueLabel(t), [.init("font-size", "12"), .init("text-anchor", anchor), .init("fill", "#333")]))
        }
        nodes.append(SVG.group([.init("class", "raster")], grid))

        var drawn: [SVG.Node] = []
        for (i, bar) in rows.enumerated() {
            let rowTop = top + rowHeight * Double(i)
            let barY = rowTop + 20
            let c = x(central)
            func segment(_ v: Int64, _ fill: BarChart.Fill) -> SVG.Node? {
                guard v != central else { return nil }
                let a = min(c, x(v)), b = max(c, x(v))
                return SVG.rect(a, barY, max(1, b - a), barHeight, BarChart.fillAttributes(fill, id: id))
            }
            let lowEnd = min(bar.atLow, bar.atHigh), highEnd = max(bar.atLow, bar.atHigh)
            // The written ends: left of the bar the smaller estimate, right the larger, each with the setting that gives it.
            let leftText = "\(valueLabel(lowEnd)) (\(bar.atLow <= bar.atHigh ? bar.lowSetting : bar.highSetting))"
            let rightText = "\(valueLabel(highEnd)) (\(bar.atLow <= bar.atHigh ? bar.highSetting : bar.lowSetting))"
            var children: [SVG.Node] = [
                .element("title", [], [.text("\(bar.label): \(valueLabel(bar.atLow)) bij \(bar.lowSetting), \(valueLabel(bar.atHigh)) bij \(bar.highSetting)")]),
                SVG.text(left, rowTop + 14, SVG.fit(bar.label, width: right - left, fontSize: 13), [.init("font-size", "13"), .init("fill", "#1a1a1a")]),
            ]
            children += [segment(bar.atLow, .hatched), segment(bar.atHigh, .solid)].compactMap { $0 }
            children.append(SVG.text(min(x(lowEnd), c) - 6, barY + 11.5, SVG.fit(leftText, width: 134, fontSize: 12), [
                .init("font-size", "12"), .init("text-anchor", "end"), .init("fill", "#1a1a1a"),
            ]))
            children.append(SVG.text(max(x(highEnd), c) + 6, barY + 11.5, SVG.fit(rightText, width: 144, fontSize: 12), [
                .init("font-size", "12"), .init("fill", "#1a1a1a"),
            ]))
            drawn.append(SVG.group([.init("class", "staaf")], children))
        }
        if rows.isEmpty {
            drawn.append(SVG.text(left, top + 24, "Geen aanname verandert deze schatting.", [.init("font-size", "13"), .init("fill", "#1a1a1a")]))
        }
        nodes.append(SVG.group([.init("class", "staven")], drawn))
        // The central estimate: a line over every row, with its value above.
        nodes.append(SVG.group([.init("class", "schatting")], [
            SVG.line(x(central), top - 8, x(central), rowsBottom, [.init("stroke", "#1a1a1a"), .init("stroke-width", "2"), .init("stroke-dasharray", "5 3")]),
            SVG.text(x(central), top - 14, centralLabel, [.init("font-size", "12"), .init("font-weight", "bold"), .init("text-anchor", "middle"), .init("fill", "#1a1a1a")]),
        ]))
        return SVG.document(id: id, width: width, height: height, title: title, description: description, nodes)
    }
}
