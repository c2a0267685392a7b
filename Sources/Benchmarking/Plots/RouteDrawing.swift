import RoutingCore

/// Drawings of solutions on an instance's coordinates, one panel per solution side by side: a TSP tour
/// as one closed line, CVRP routes each in its own colour from and back to the depot (a black square).
public struct RouteDrawing: Sendable {
    /// One panel: a solution with its caption.
    public struct Panel: Sendable {
        public let caption: String
        public let solution: Solution

        public init(caption: String, solution: Solution) {
            self.caption = caption
            self.solution = solution
        }
    }

    public let instance: Instance
    public let panels: [Panel]

    /// Panel size in pixels and panels per row.
    static let side = 330.0, captionHeight = 40.0, perRow = 3

    public init(instance: Instance, panels: [Panel]) {
        self.instance = instance
        self.panels = panels
    }

    /// The SVG document; `nil` when the instance has no coordinates.
    public var svg: String? {
        guard let points = instance.coordinates, !points.isEmpty else { return nil }
        let columns = max(1, min(Self.perRow, panels.count)), rows = max(1, (panels.count + Self.perRow - 1) / Self.perRow)
        let top = 52.0
        var svg = SVGDocument(width: Double(columns) * Self.side + 20,
                              height: top + Double(rows) * (Self.side + Self.captionHeight) + 10)
        let customers = instance.kind.isVehicleRouting ? "\(instance.customers.count) customers" : "\(instance.dimension) cities"
        svg.text(instance.name, at: (14, 30), size: 19, weight: "bold")
        svg.text("\(instance.kind.rawValue.uppercased()), \(customers)", at: (14 + Double(instance.name.count) * 12.5 + 12, 30),
                 size: 13, color: PlotPalette.mutedText)
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min()!, minY = ys.min()!
        let span = max(xs.max()! - minX, ys.max()! - minY, 1e-9)
        // Centre the narrower direction in the square panel.
        let shiftX = (span - (xs.max()! - minX)) / 2, shiftY = (span - (ys.max()! - minY)) / 2
        for (index, panel) in panels.enumerated() {
            let originX = 10 + Double(index % Self.perRow) * Self.side
            let originY = top + Double(index / Self.perRow) * (Self.side + Self.captionHeight)
            svg.rect(x: originX + 6, y: originY, width: Self.side - 12, height: Self.side - 12, fill: "#fbfbfb",
                     stroke: "#dddddd", cornerRadius: 4)
            let inner = Self.side - 44
            func place(_ node: Int) -> (Double, Double) {
                let p = points[node]
                return (originX + 16 + (p.x - minX + shiftX) / span * inner,
                        originY + 10 + inner - (p.y - minY + shiftY) / span * inner)
            }
            draw(panel.solution, place: place, into: &svg)
            let dot = max(1.2, min(3.5, 60 / Double(points.count).squareRoot()))
            svg.dots(points.indices.filter { !(instance.kind.isVehicleRouting && $0 == instance.depot) }.map(place),
                     radius: dot, fill: "#333333")
            if instance.kind.isVehicleRouting {
                let depot = place(instance.depot)
                svg.rect(x: depot.0 - 5, y: depot.1 - 5, width: 10, height: 10, fill: "#000000", stroke: "#ffffff")
            }
            svg.text(PlotFrame.shortened(panel.caption, to: 48), at: (originX + Self.side / 2, originY + Self.side + 8),
                     size: 12.5, anchor: "middle")
        }
        return svg.svg
    }

    private func draw(_ solution: Solution, place: (Int) -> (Double, Double), into svg: inout SVGDocument) {
        switch solution {
        case .tour(let order):
            svg.polyline(order.map(place), stroke: PlotPalette.color(0), width: 1.6, closed: true)
        case .routes(let routes):
            for (index, route) in routes.filter({ !$0.isEmpty }).enumerated() {
                let path = [instance.depot] + route + [instance.depot]
                svg.polyline(path.map(place), stroke: PlotPalette.routeColor(index), width: 1.8, opacity: 0.9)
            }
        }
    }
}
