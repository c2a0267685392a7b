import Testing
@testable import Tensor

@Suite struct HeadScoresTests {
    /// Gradients of the per-head score op match finite differences over seeded random shapes, in both
    /// layouts.
    @Test(arguments: [HeadScoreLayout.keyMajor, .headMajor])
    func gradients(layout: HeadScoreLayout) {
        var data = TestData(seed: 131)
        for _ in 0..<3 {
            let batch = data.int(1...2), heads = data.int(1...3), dk = data.int(1...3)
            let rows = data.int(1...4), keys = data.int(1...4)
            let q = data.tensor([batch, rows, heads * dk]), k = data.tensor([batch, keys, heads * dk])
            let failures = GradientChecker().check(inputs: [q, k]) { tape, x in
                tape.headScores(queries: x[0], keys: x[1], heads: heads, scale: 0.7, layout: layout)
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// The forward values equal a plain per-head dot product, in both layouts.
    @Test(arguments: [(2, 3, 5, 4, 2), (1, 8, 20, 20, 16)], [HeadScoreLayout.keyMajor, .headMajor])
    func forwardMatchesDefinition(shape: (Int, Int, Int, Int, Int), layout: HeadScoreLayout) {
        let (batch, heads, rows, keys, headWidth) = shape
        var data = TestData(seed: 132)
        let d = heads * headWidth
        let q = data.tensor([batch, rows, d]), k = data.tensor([batch, keys, d])
        let out = Tape().headScores(queries: Tape().constant(q), keys: Tape().constant(k), heads: heads, scale: 0.25,
                                    layout: layout).value
        for b in 0..<batch {
            for r in 0..<rows {
                for key in 0..<keys {
                    for h in 0..<heads {
                        var expected = 0.0
                        for c in 0..<headWidth {
                            expected += Double(q.pointer[(b * rows + r) * d + h * headWidth + c])
                                * Double(k.pointer[(b * keys + key) * d + h * headWidth + c])
                        }
                        let column = layout == .keyMajor ? key * heads + h : h * keys + key
                        let actual = Double(out.pointer[(b * rows + r) * keys * heads + column])
                        #expect(abs(actual - 0.25 * expected) <= 1e-4 * max(1, abs(expected)))
                    }
                }
            }
        }
    }
}
