/// Colours and markers for data series: the Okabe–Ito palette, readable with colour-blindness and in print.
public enum PlotPalette {
    /// Series colours, in order.
    public static let colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

    /// The colour of series `index` (wrapping around).
    public static func color(_ index: Int) -> String { colors[index % colors.count] }

    /// The marker of series `index` (wrapping around).
    public static func marker(_ index: Int) -> SVGDocument.Marker {
        SVGDocument.Marker.allCases[index % SVGDocument.Marker.allCases.count]
    }

    /// Route colours for CVRP drawings: many distinct hues, cycled.
    public static func routeColor(_ index: Int) -> String {
        let hues = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"]
        return hues[index % hues.count]
    }

    /// Axis, grid and text greys.
    public static let axis = "#444444"
    public static let grid = "#e4e4e4"
    public static let mutedText = "#666666"
}
