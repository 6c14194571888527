import Foundation
import Testing
@testable import DoenbaarReports

/// The SVG charts: well-formed, self-describing, byte-stable, sensible at the edges.
@Suite struct ChartTests {
    static func line(months: [String], series: [LineChart.Series], title: String = "Inkomen") -> String {
        LineChart.render(id: "g1", title: title, description: "Beschrijving", months: months, series: series)
    }

    @Test func numbersHaveOneFixedDecimalAndNoNoise() {
        #expect(SVG.number(0) == "0")
        #expect(SVG.number(-0.0) == "0")
        #expect(SVG.number(-0.04) == "0")
        #expect(SVG.number(12) == "12")
        #expect(SVG.number(12.25) == "12.3")
        #expect(SVG.number(-3.25) == "-3.3")
        #expect(SVG.number(0.1 + 0.2) == "0.3")
        #expect(SVG.number(1e300) == "100000000000000")
        #expect(SVG.number(.nan) == "0")
        #expect(SVG.number(.infinity) == "0")
    }

    @Test func ticksAreRoundAndCoverTheRange() {
        #expect(ChartScale.ticks(low: 0, high: 33_600, target: 4) == [0, 10_000, 20_000, 30_000, 40_000])
        #expect(ChartScale.ticks(low: 0, high: 0, target: 5, unit: 100) == [0, 100])
        let euros = ChartScale.ticks(low: -1_155_300, high: 272_700, target: 5, unit: 100)
        #expect(euros.first! <= -1_155_300 && euros.last! >= 272_700 && euros.contains(0))
        #expect(euros.allSatisfy { $0 % 100 == 0 })
        #expect(ChartScale.ticks(low: 0, high: 5_000, target: 5, unit: 100) == [0, 1_000, 2_000, 3_000, 4_000, 5_000])
    }

    @Test func labelsAreDutch() {
        #expect(ChartScale.monthLabel("2025-01") == "jan 2025")
        #expect(ChartScale.monthLabel("2024-03") == "mrt 2024")
        #expect(ChartScale.monthLabel("2024-13") == "2024-13")
        #expect(ChartScale.euroLabel(123_456) == "€ 1.235")
        #expect(ChartScale.euroLabel(-1_155_300) == "€ -11.553")
    }

    @Test func lineChartIsWellFormedAndDescribesItself() {
        let svg = Self.line(months: ["2025-01", "2025-02", "2025-03"], series: [
            .init(name: "Ideaal pad", values: [100_000, 120_000, 90_000], style: .ideaal),
            .init(name: "Realistisch pad", values: [100_000, nil, -50_000], style: .realistisch),
        ])
        let check = MarkupCheck.parse(svg)
        #expect(check.error == nil, "\(check.error ?? "")")
        let root = check.elements.first
        #expect(root?.name == "svg" && root?.attributes["role"] == "img")
        #expect(root?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root?.children.first?.name == "title" && root?.children.first?.text == "Inkomen")
        #expect(root?.children.dropFirst().first?.name == "desc")
        #expect(svg.contains(">jan 2025<") && svg.contains(">€ 1.000<") && svg.contains(">€ -500<"))
        // A missing month breaks the realistic line: it has no line of its own, only markers.
        let series2 = check.elements.first { $0.attributes["class"] == "reeks reeks-2" }
        #expect(series2?.children.filter { $0.name == "path" }.count == 0)
        #expect(series2?.children.filter { $0.name == "circle" }.count == 2)
        let series1 = check.elements.first { $0.attributes["class"] == "reeks reeks-1" }
        #expect(series1?.children.filter { $0.name == "path" }.count == 1)
        // Coordinates carry at most one decimal.
        for e in check.elements { for (k, v) in e.attributes where ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "width", "height"].contains(k) {
            #expect(v.range(of: #"^-?\d+(\.\d)?$"#, options: .regularExpression) != nil, "\(k)=\(v)")
        } }
    }

    @Test func aSingleMonthGivesMarkersInTheMiddle() {
        let svg = Self.line(months: ["2024-12"], series: [
            .init(name: "Ideaal pad", values: [150_000], style: .ideaal),
            .init(name: "Realistisch pad", values: [150_000], style: .realistisch),
        ])
        let check = MarkupCheck.parse(svg)
        #expect(check.error == nil)
        #expect(svg.contains(">dec 2024<"))
        let series = check.elements.first { $0.attributes["class"] == "reeks reeks-2" }
        let marker = series?.children.first { $0.name == "circle" }
        #expect(series?.children.contains { $0.name == "path" } == false)
        #expect(marker != nil)
        // Centred: the plot runs from 92 to 696.
        #expect(marker.flatMap { Double($0.attributes["cx"] ?? "") } == 394)
    }

    @Test func noMonthsStillGivesAWellFormedChart() {
        let svg = Self.line(months: [], series: [.init(name: "Ideaal pad", values: [], style: .ideaal)])
        #expect(MarkupCheck.parse(svg).error == nil)
    }

    @Test func textsInChartsAreEscaped() {
        let svg = Self.line(months: ["2025-01"], series: [.init(name: Samples.hostile, values: [1], style: .na)], title: Samples.hostile)
        let check = MarkupCheck.parse(svg)
        #expect(check.error == nil)
        #expect(!svg.contains("<script"))
        #expect(check.all("title").first?.text == Samples.hostile)
        #expect(check.all("text").contains { $0.text == Samples.hostile })
        let bars = BarChart.render(id: "b", title: "T & <t>", description: Samples.hostile,
                                   bars: [.init(label: Samples.hostile, value: 5, valueLabel: "\"5\" <mensen>", fill: .hatched)],
                                   legend: [.init(fill: .open, label: "<laag>")], tickLabel: { "\($0)" })
        let b = MarkupCheck.parse(bars)
        #expect(b.error == nil)
        #expect(!bars.contains("<script") && !bars.contains("<mensen>") && !bars.contains("<laag>"))
        #expect(b.all("desc").first?.text == Samples.hostile)
        #expect(b.all("title").contains { $0.allText == "\(Samples.hostile): \"5\" <mensen>" })
    }

    @Test func barChartMarksFillsByPatternAndHandlesNegativeValues() {
        let svg = BarChart.render(id: "verschil", title: "Verschil", description: "d", bars: [
            .init(label: "Daan", value: 621_944, valueLabel: "+ € 6.219", fill: .solid),
            .init(label: "Kees", value: -420_000, valueLabel: "− € 4.200", fill: .hatched),
            .init(label: "Bram", value: 0, valueLabel: "€ 0", fill: .open),
        ], legend: [.init(fill: .solid, label: "hoger"), .init(fill: .hatched, label: "lager")], unit: 100, tickLabel: ChartScale.euroLabel)
        let check = MarkupCheck.parse(svg)
        #expect(check.error == nil)
        #expect(check.all("pattern").first?.attributes["id"] == "verschil-arcering")
        let rects = check.elements.filter { $0.name == "rect" && $0.ancestors.last == "g" }
        #expect(rects.contains { $0.attributes["fill"] == "url(#verschil-arcering)" })
        #expect(svg.contains(">€ -5.000<") || svg.contains(">€ -4.000<"))
        #expect(svg.contains(">€ 0<"))
    }

    @Test func emptyBarChartSaysSo() {
        let svg = BarChart.render(id: "leeg", title: "Leeg", description: "d", bars: [], legend: [], tickLabel: { "\($0)" })
        #expect(MarkupCheck.parse(svg).error == nil)
        #expect(svg.contains("Geen gegevens."))
    }

    @Test func chartsAreByteIdenticalForTheSameInput() {
        let series: [LineChart.Series] = [
            .init(name: "Ideaal pad", values: [173_250, 179_438, 167_475, 0], style: .ideaal),
            .init(name: "Realistisch pad", values: [173_250, -1_155_300, 167_475, 0], style: .realistisch),
            .init(name: "Zoals beschreven", values: [173_250, 179_438, nil, nil], style: .beschreven),
        ]
        let months = ["2024-04", "2024-05", "2024-06", "2024-07"]
        let first = Self.line(months: months, series: series)
        for _ in 0..<5 { #expect(Self.line(months: months, series: series) == first) }
        let bars: [BarChart.Bar] = (1...13).map { .init(label: "Knelpunt \($0)", value: Int64($0 * 997), valueLabel: "\($0)", fill: .solid) }
        let b = BarChart.render(id: "b", title: "t", description: "d", bars: bars, legend: [], tickLabel: { "\($0)" })
        #expect(BarChart.render(id: "b", title: "t", description: "d", bars: bars, legend: [], tickLabel: { "\($0)" }) == b)
    }

    @Test func smallMultiplesShareOneScaleAndDescribeThemselves() {
        let panels = [
            SmallMultipleChart.Panel(title: "Omer <x>", months: ["2023-03", "2023-04", "2023-05"], series: [
                .init(name: "Voor", values: [274_050, 189_000, 163_800], style: .voor),
                .init(name: "Na", values: [274_050, 274_050, 274_050], style: .na),
            ]),
            SmallMultipleChart.Panel(title: "Samira", months: ["2025-03"], series: [
                .init(name: "Voor", values: [67_200], style: .voor), .init(name: "Na", values: [182_700], style: .na),
            ]),
        ]
        let svg = SmallMultipleChart.render(id: "klein", title: "Inkomen & meer", description: "Twee panelen", panels: panels)
        let check = MarkupCheck.parse(svg)
        #expect(check.error == nil)
        let root = check.all("svg").first
        #expect(root?.attributes["role"] == "img" && root?.children.first?.name == "title" && root?.children.dropFirst().first?.name == "desc")
        #expect(check.all("title").first?.allText == "Inkomen & meer")
        // One panel each, side by side, with the same euro labels: one vertical scale.
        let groups = check.elements.filter { $0.name == "g" && ($0.attributes["class"] ?? "").hasPrefix("paneel ") }
        #expect(groups.count == 2)
        let labels = groups.map { g in g.children.filter { $0.name == "text" && $0.allText.hasPrefix("€") }.map(\.allText) }
        #expect(labels[0] == labels[1] && labels[0].contains("€ 0") && !labels[0].isEmpty, "\(labels)")
        #expect(groups[0].children.contains { $0.name == "text" && $0.allText == "Omer <x>" })
        // Markers only where before and after differ (April and May for Omer), and for a single month.
        #expect(groups[0].children.filter { $0.name == "g" }.flatMap(\.children).filter { $0.name == "rect" }.count == 2)
        #expect(groups[1].children.filter { $0.name == "g" }.flatMap(\.children).filter { $0.name == "rect" }.count == 1)
        #expect(svg == SmallMultipleChart.render(id: "klein", title: "Inkomen & meer", description: "Twee panelen", panels: panels))
    }
}
