import Foundation
import Testing
@testable import DoenbaarReports

/// The tornado chart: well-formed, self-describing, widest bar on top, both ends written out.
@Suite struct TornadoChartTests {
    static let bars = [
        TornadoChart.Bar(label: "Spreiding van het dagloon", lowSetting: "10%", highSetting: "30%", atLow: 990, atHigh: 1_010),
        TornadoChart.Bar(label: "Doenvermogen dat een eenvoudige verplichting vraagt", lowSetting: "1,5", highSetting: "2,5", atLow: 700, atHigh: 1_400),
        TornadoChart.Bar(label: "Hoeveel mensen op Anna lijken", lowSetting: "30.000", highSetting: "90.000", atLow: 1_200, atHigh: 900),
        TornadoChart.Bar(label: "Kans op <een> & \"extra\" gebeurtenis", lowSetting: "5%", highSetting: "20%", atLow: 1_000, atHigh: 1_000),
    ]

    static func render(_ bars: [TornadoChart.Bar] = bars) -> String {
        TornadoChart.render(id: "gevoeligheid-k1", title: "Gevoeligheid", description: "Beschrijving", central: 1_000,
                            centralLabel: "schatting 1.000", bars: bars, valueLabel: { Format.count(Int($0)) })
    }

    @Test func isWellFormedAndSelfDescribing() throws {
        let check = MarkupCheck.parse(Self.render())
        #expect(check.error == nil, "\(check.error ?? "")")
        let root = try #require(check.elements.first)
        #expect(root.name == "svg" && root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "gevoeligheid-k1-titel")
        #expect(root.children.first?.name == "title" && root.children.first?.text == "Gevoeligheid")
        #expect(root.children.dropFirst().first?.name == "desc")
        // Every bar has its own title for a screen reader, naming both ends.
        let rows = check.elements.filter { $0.attributes["class"] == "staaf" }
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.children.first?.name == "title" })
        #expect(rows[0].children.first?.text == "Doenvermogen dat een eenvoudige verplichting vraagt: 700 bij 1,5, 1.400 bij 2,5")
        // The escaped label survives as text.
        #expect(check.elements.contains { $0.name == "text" && $0.text == "Kans op <een> & \"extra\" gebeurtenis" })
    }

    @Test func barsAreSortedByWidthWidestOnTop() {
        #expect(TornadoChart.sorted(Self.bars).map(\.width) == [700, 300, 20, 0])
        let check = MarkupCheck.parse(Self.render())
        let labels = check.elements.filter { $0.attributes["class"] == "staaf" }.map { $0.children[1].text }
        #expect(labels == ["Doenvermogen dat een eenvoudige verplichting vraagt", "Hoeveel mensen op Anna lijken",
                           "Spreiding van het dagloon", "Kans op <een> & \"extra\" gebeurtenis"])
        // Rows go down the page in that order.
        let ys = check.elements.filter { $0.attributes["class"] == "staaf" }.compactMap { Double($0.children[1].attributes["y"] ?? "") }
        #expect(ys == ys.sorted())
    }

    @Test func endsAreWrittenOutWithTheSettingThatGivesThem() {
        let svg = Self.render()
        #expect(svg.contains(">700 (1,5)<") && svg.contains(">1.400 (2,5)<"))
        // A higher setting that lowers the estimate: the smaller number stands left, with the high setting.
        #expect(svg.contains(">900 (90.000)<") && svg.contains(">1.200 (30.000)<"))
        #expect(svg.contains(">schatting 1.000<"))
    }

    @Test func isByteStableAndHandlesNoBars() {
        #expect(Self.render() == Self.render())
        let empty = Self.render([])
        #expect(MarkupCheck.parse(empty).error == nil)
        #expect(empty.contains("Geen aanname verandert deze schatting."))
    }
}
