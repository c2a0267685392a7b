/// A fast, seedable random number generator (xoshiro256**), so every run is reproducible.
///
/// Its ``state`` can be saved (checkpoints) and restored exactly; ``split()`` derives independent
/// streams for worker threads.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    /// The four 64-bit state words.
    public private(set) var state: [UInt64]

    /// Seeds the generator by expanding `seed` with SplitMix64.
    public init(seed: UInt64) {
        var mix = seed
        var words = [UInt64]()
        for _ in 0..<4 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            words.append(z ^ (z >> 31))
        }
        state = words
    }

    /// Restores a generator from saved ``state`` words.
    /// - Precondition: `state` has four words, not all zero.
    public init(state: [UInt64]) {
        precondition(state.count == 4 && state.contains { $0 != 0 }, "invalid xoshiro256** state")
        self.state = state
    }

    @inlinable
    static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotate(state[1] &* 5, 7) &* 9
        let t = state[1] << 17
        state[2] ^= state[0]
        state[3] ^= state[1]
        state[1] ^= state[2]
        state[0] ^= state[3]
        state[2] ^= t
        state[3] = Self.rotate(state[3], 45)
        return result
    }

    /// A new generator seeded from this one's output: an independent stream for another worker.
    public mutating func split() -> SeededGenerator {
        SeededGenerator(seed: next())
    }

    /// A uniform double in `[0, 1)`.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
