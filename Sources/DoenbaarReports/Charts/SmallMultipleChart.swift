/// Small multiples: one small line chart per panel (a persona), laid out in a
/// grid, all on the same vertical scale so that the panels can be compared
/// at a glance; each panel keeps its own months. The series use the line
/// styles of `LineChart` (pattern and marker, not colour alone), with one
/// legend for the whole figure. Output is byte-stable.
public enum SmallMultipleChart {
    public struct Panel: Sendable {
        public let title: String
        /// `YYYY-MM`, one per value.
        public let months: [String]
        public let series: [LineChart.Series]
        public init(title: String, months: [String], series: [LineChart.Series]) {
            self.title = title
            self.months = months
            self.series = series
        }
    }

    static let panelWidth = 230.0, panelHeight = 170.0, gap = 16.0, legendHeight = 34.0
    static let left = 62.0, right = 10.0, top = 26.0, bottom = 30.0

    /// - Parameters:
    ///   - id: unique in the page; the ids inside derive from it.
    ///   - columns: panels per row (fewer when there are fewer panels).
    public static func render(id: String, title: String, description: String, panels: [Panel], columns: Int = 3) -> String {
        let cols = max(1, min(columns, panels.count)), rows = (panels.count + cols - 1) / cols
        let width = Double(cols) * panelWidth + Double(cols - 1) * gap
        let height = legendHeight + Double(rows) * panelHeight + Double(max(0, rows - 1)) * gap
        // One vertical scale for every panel.
        let values = panels.flatMap { p in p.series.flatMap { $0.values.prefix(p.months.count).compactMap { $0 } } }
        let ticks = ChartScale.ticks(low: min(0, values.min() ?? 0), high: max(0, values.max() ?? 0), target: 3, unit: 100)

        var nodes: [SVG.Node] = []
        var legend: [SVG.Node] = [], lx = 4.0
        for s in panels.first?.series ?? [] {
            legend.append(LineChart.sample(s.style, x: lx, y: 14, length: 30))
            legend.append(SVG.text(lx + 38, 18, s.name, [.init("font-size", "13"), .init("fill", "#1a1a1a")]))
            lx += 38 + SVG.textWidth(s.name, fontSize: 13) + 22
        }
        nodes.append(SVG.group([.init("class", "legenda")], legend))
        for (i, panel) in panels.enumerated() {
            let x = Double(i % cols) * (panelWidth + gap), y = legendHeight + Double(i / cols) * (panelHeight + gap)
            nodes.append(SVG.group([.init("class", "paneel paneel-\(i + 1)"), .init("transform", "translate(\(SVG.number(x)) \(SVG.number(y)))")],
                                   self.panel(panel, ticks: ticks)))
        }
        return SVG.document(id: id, width: width, height: height, title: title, description: description, nodes)
    }

    static func panel(_ p: Panel, ticks: [Int64]) -> [SVG.Node] {
        let plotW = panelWidth - left - right, plotH = panelHeight - top - bottom
        let n = p.months.count
        let t0 = Double(ticks.first ?? 0), t1 = Double(ticks.last ?? 100)
        func y(_ v: Int64) -> Double { top + plotH * (t1 - Double(v)) / max(1, t1 - t0) }
        func x(_ i: Int) -> Double { n <= 1 ? left + plotW / 2 : left + 6 + (plotW - 12) * Double(i) / Double(n - 1) }

        var nodes: [SVG.Node] = [
            SVG.rect(0, 0, panelWidth, panelHeight, [.init("fill", "none"), .init("stroke", "#d0d0d0")]),
            SVG.text(8, 17, SVG.fit(p.title, width: panelWidth - 16, fontSize: 13),
                     [.init("font-size", "13"), .init("font-weight", "bold"), .init("fill", "#1a1a1a")]),
        ]
        for t in ticks {
            let ty = y(t)
            nodes.append(SVG.line(left, ty, panelWidth - right, ty, [.init("stroke", t == 0 ? "#1a1a1a" : "#e0e0e0"), .init("stroke-width", "1")]))
            nodes.append(SVG.text(left - 5, ty + 4, ChartScale.euroLabel(t), [.init("font-size", "10"), .init("text-anchor", "end"), .init("fill", "#333")]))
        }
        // First and last month only: a panel is too small for more.
        if n > 0 {
            let bottomY = top + plotH
            for i in Set([0, n - 1]).sorted() {
                nodes.append(SVG.text(x(i), bottomY + 18, ChartScale.monthLabel(p.months[i]),
                                      [.init("font-size", "10"), .init("text-anchor", n == 1 ? "middle" : i == 0 ? "start" : "end"), .init("fill", "#333")]))
            }
        }
        for (index, s) in p.series.enumerated() {
            var parts: [SVG.Node] = [], run: [(x: Double, y: Double)] = []
            func flush() {
                if run.count > 1 { parts.append(SVG.path(SVG.pathData(run), LineChart.lineAttributes(s.style))) }
                run = []
            }
            for i in 0..<n {
                if i < s.values.count, let v = s.values[i] { run.append((x(i), y(v))) } else { flush() }
            }
            flush()
            // Markers only where the series differ, so a long unchanged stretch stays quiet.
            for i in 0..<n where i < s.values.count {
                guard let v = s.values[i] else { continue }
                let differs = p.series.contains { other in i < other.values.count && other.values[i] != v }
                if differs || n == 1 { parts.append(LineChart.marker(s.style, x: x(i), y: y(v))) }
            }
            nodes.append(SVG.group([.init("class", "reeks reeks-\(index + 1)")], parts))
        }
        return nodes
    }
}
