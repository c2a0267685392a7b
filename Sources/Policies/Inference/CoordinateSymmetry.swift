/// The eight symmetries of the unit square (the dihedral group D4), POMO's ×8 instance augmentation.
///
/// Each maps `[0, 1]²` onto itself and keeps every distance, so a tour decoded on a transformed copy is
/// a tour of the original instance with the same length; the network, which is not exactly invariant,
/// proposes different tours for the eight copies and the best one is kept. Order as in POMO's
/// reference code, the identity first.
public enum CoordinateSymmetry: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// `(x, y)`
    case identity
    /// `(1 − x, y)`
    case mirrorX
    /// `(x, 1 − y)`
    case mirrorY
    /// `(1 − x, 1 − y)`
    case halfTurn
    /// `(y, x)`
    case transpose
    /// `(1 − y, x)`
    case quarterTurn
    /// `(y, 1 − x)`
    case threeQuarterTurn
    /// `(1 − y, 1 − x)`
    case antiTranspose

    /// The image of `(x, y)`.
    @inline(__always)
    public func apply(x: Float, y: Float) -> (x: Float, y: Float) {
        switch self {
        case .identity: (x, y)
        case .mirrorX: (1 - x, y)
        case .mirrorY: (x, 1 - y)
        case .halfTurn: (1 - x, 1 - y)
        case .transpose: (y, x)
        case .quarterTurn: (1 - y, x)
        case .threeQuarterTurn: (y, 1 - x)
        case .antiTranspose: (1 - y, 1 - x)
        }
    }

    public var description: String {
        switch self {
        case .identity: "(x, y)"
        case .mirrorX: "(1-x, y)"
        case .mirrorY: "(x, 1-y)"
        case .halfTurn: "(1-x, 1-y)"
        case .transpose: "(y, x)"
        case .quarterTurn: "(1-y, x)"
        case .threeQuarterTurn: "(y, 1-x)"
        case .antiTranspose: "(1-y, 1-x)"
        }
    }
}
