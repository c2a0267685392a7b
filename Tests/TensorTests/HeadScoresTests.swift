import Testing
@testable import Tensor

@Suite struct HeadScoresTests {
    /// Gradients of the per-head score op match finite differences over seeded random shapes, including
    /// sizes that go to sgemm.
    @Test func gradients() {
        var data = TestData(seed: 131)
        for _ in 0..<3 {
            let batch = data.int(1...2), heads = data.int(1...3), dk = data.int(1...3)
            let rows = data.int(1...4), keys = data.int(1...4)
            let q = data.tensor([batch, rows, heads * dk]), k = data.tensor([batch, keys, heads * dk])
            let failures = GradientChecker().check(inputs: [q, k]) { tape, x in
                tape.headScores(queries: x[0], keys: x[1], heads: heads, scale: 0.7)
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// The forward values equal a plain per-head dot product in the key-major, head-minor layout.
    @Test(arguments: [(2, 3, 5, 4, 2), (1, 8, 20, 20, 16)])
    func forwardMatchesDefinition(batch: Int, heads: Int, rows: Int, keys: Int, headWidth: Int) {
        var data = TestData(seed: 132)
        let d = heads * headWidth
        let q = data.tensor([batch, rows, d]), k = data.tensor([batch, keys, d])
        let out = Tape().headScores(queries: Tape().constant(q), keys: Tape().constant(k), heads: heads, scale: 0.25).value
        for b in 0..<batch {
            for r in 0..<rows {
                for key in 0..<keys {
                    for h in 0..<heads {
                        var expected = 0.0
                        for c in 0..<headWidth {
                            expected += Double(q.pointer[(b * rows + r) * d + h * headWidth + c])
                                * Double(k.pointer[(b * keys + key) * d + h * headWidth + c])
                        }
                        let actual = Double(out.pointer[(b * rows + r) * keys * heads + key * heads + h])
                        #expect(abs(actual - 0.25 * expected) <= 1e-4 * max(1, abs(expected)))
                    }
                }
            }
        }
    }
}
