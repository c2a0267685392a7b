/// A small SVG writer: shapes and text in user units, serialised as a standalone SVG 1.1 document.
///
/// Numbers are written with at most one decimal; text is escaped. No styling beyond attributes, so
/// the files render the same in browsers, `rsvg-convert` and Markdown viewers.
public struct SVGDocument: Sendable {
    /// Canvas size in pixels.
    public let width: Double
    public let height: Double
    private var elements: [String] = []

    public init(width: Double, height: Double, background: String = "#ffffff") {
        self.width = width
        self.height = height
        rect(x: 0, y: 0, width: width, height: height, fill: background)
    }

    /// A marker shape, so that series stay apart in print and for colour-blind readers.
    public enum Marker: Sendable, CaseIterable {
        case circle, square, triangle, diamond, cross
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              stroke: String? = nil, strokeWidth: Double = 1, cornerRadius: Double = 0) {
        var element = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"\(fill)\""
        if let stroke { element += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" }
        if cornerRadius > 0 { element += " rx=\"\(Self.n(cornerRadius))\"" }
        elements.append(element + "/>")
    }

    public mutating func line(from a: (Double, Double), to b: (Double, Double), stroke: String, width: Double = 1,
                              dash: String? = nil) {
        var element = "<line x1=\"\(Self.n(a.0))\" y1=\"\(Self.n(a.1))\" x2=\"\(Self.n(b.0))\" y2=\"\(Self.n(b.1))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        if let dash { element += " stroke-dasharray=\"\(dash)\"" }
        elements.append(element + "/>")
    }

    /// An open (or, with `closed`, closed) line through `points`.
    public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5,
                                  closed: Bool = false, opacity: Double = 1, dash: String? = nil) {
        guard points.count >= 2 else { return }
        let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        var element = "<\(closed ? "polygon" : "polyline") points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if opacity < 1 { element += " stroke-opacity=\"\(Self.n(opacity))\"" }
        if let dash { element += " stroke-dasharray=\"\(dash)\"" }
        elements.append(element + "/>")
    }

    public mutating func circle(at c: (Double, Double), radius: Double, fill: String, stroke: String? = nil,
                                strokeWidth: Double = 1, opacity: Double = 1) {
        var element = "<circle cx=\"\(Self.n(c.0))\" cy=\"\(Self.n(c.1))\" r=\"\(Self.n(radius))\" fill=\"\(fill)\""
        if let stroke { element += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" }
        if opacity < 1 { element += " fill-opacity=\"\(Self.n(opacity))\"" }
        elements.append(element + "/>")
    }

    /// Plain filled dots at each of `points`, in one group.
    public mutating func dots(_ points: [(Double, Double)], radius: Double, fill: String) {
        guard !points.isEmpty else { return }
        elements.append("<g fill=\"\(fill)\">")
        for c in points { elements.append("<circle cx=\"\(Self.n(c.0))\" cy=\"\(Self.n(c.1))\" r=\"\(Self.n(radius))\"/>") }
        elements.append("</g>")
    }

    /// A data marker of `size` (about its diameter) centred at `c`.
    public mutating func marker(_ shape: Marker, at c: (Double, Double), size: Double, color: String, opacity: Double = 0.85) {
        markers(shape, at: [c], size: size, color: color, opacity: opacity)
    }

    /// Markers of one shape and colour at each of `points`, in one group that carries the paint, so a
    /// scatter of thousands of points stays small.
    public mutating func markers(_ shape: Marker, at points: [(Double, Double)], size: Double, color: String,
                                 opacity: Double = 0.85) {
        guard !points.isEmpty else { return }
        let r = size / 2
        let fillOpacity = opacity < 1 ? " fill-opacity=\"\(Self.n(opacity))\"" : ""
        elements.append(shape == .cross
            ? "<g fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\">"
            : "<g fill=\"\(color)\"\(fillOpacity) stroke=\"#ffffff\" stroke-width=\"0.6\">")
        for c in points {
            switch shape {
            case .circle:
                elements.append("<circle cx=\"\(Self.n(c.0))\" cy=\"\(Self.n(c.1))\" r=\"\(Self.n(r))\"/>")
            case .square:
                elements.append("<rect x=\"\(Self.n(c.0 - r * 0.9))\" y=\"\(Self.n(c.1 - r * 0.9))\" "
                                + "width=\"\(Self.n(1.8 * r))\" height=\"\(Self.n(1.8 * r))\"/>")
            case .triangle, .diamond:
                let corners = shape == .triangle
                    ? [(c.0, c.1 - 1.15 * r), (c.0 + r, c.1 + 0.75 * r), (c.0 - r, c.1 + 0.75 * r)]
                    : [(c.0, c.1 - 1.2 * r), (c.0 + r, c.1), (c.0, c.1 + 1.2 * r), (c.0 - r, c.1)]
                elements.append("<polygon points=\"" + corners.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ") + "\"/>")
            case .cross:
                elements.append("<path d=\"M\(Self.n(c.0 - r)),\(Self.n(c.1 - r))L\(Self.n(c.0 + r)),\(Self.n(c.1 + r))"
                                + "M\(Self.n(c.0 - r)),\(Self.n(c.1 + r))L\(Self.n(c.0 + r)),\(Self.n(c.1 - r))\"/>")
            }
        }
        elements.append("</g>")
    }

    /// Text anchored at `at`: `anchor` is `start`, `middle` or `end`; `rotation` in degrees about the anchor.
    public mutating func text(_ text: String, at p: (Double, Double), size: Double = 12, anchor: String = "start",
                              color: String = "#222222", weight: String = "normal", rotation: Double = 0) {
        var element = "<text x=\"\(Self.n(p.0))\" y=\"\(Self.n(p.1))\" font-family=\"Helvetica, Arial, sans-serif\" "
            + "font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\" fill=\"\(color)\""
        if weight != "normal" { element += " font-weight=\"\(weight)\"" }
        if rotation != 0 { element += " transform=\"rotate(\(Self.n(rotation)) \(Self.n(p.0)) \(Self.n(p.1)))\"" }
        elements.append(element + ">\(Self.escaped(text))</text>")
    }

    /// The document text.
    public var svg: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\">\n" + elements.joined(separator: "\n") + "\n</svg>\n"
    }

    /// `value` with at most one decimal (a tenth of a pixel) and no trailing zeros.
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { text = String(Int(rounded)) }
        return text
    }

    /// `text` with `&`, `<`, `>` and `"` escaped.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
