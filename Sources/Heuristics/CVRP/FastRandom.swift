import RoutingCore

/// A one-word random generator (wyrand) for the hot loops of the CVRP search.
///
/// ``SeededGenerator`` keeps its state in an array, which costs a uniqueness check on every draw;
/// this generator is seeded from one and keeps a single word in a register, so each worker thread
/// still derives its stream from the solver's seed and runs stay reproducible.
struct FastRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator seeded from `source`'s next output.
    init(seededFrom source: inout SeededGenerator) {
        state = source.next()
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0xA076_1D64_78BD_642F
        let product = state.multipliedFullWidth(by: state ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }

    /// A uniform integer in `0..<bound` (`bound > 0`), by multiply-shift.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform double in `[0, 1)`.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
