import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct AttentionTests {
    /// Fused multi-head attention has exact gradients for q, k and v, with and without a mask
    /// (fully masked query rows included), on seeded random shapes.
    @Test(arguments: [false, true])
    func gradients(masked: Bool) {
        var data = TestData(seed: 121)
        for _ in 0..<2 {
            let batch = data.int(1...2), heads = data.int(1...3), dk = data.int(1...3), dv = data.int(1...3)
            let queries = data.int(1...3), keys = data.int(2...4)
            let q = data.tensor([batch, queries, heads * dk]), k = data.tensor([batch, keys, heads * dk])
            let v = data.tensor([batch, keys, heads * dv])
            let mask = masked ? data.mask([batch, queries, keys], rate: 0.4) : nil
            let failures = GradientChecker().check(inputs: [q, k, v]) { tape, x in
                tape.multiHeadAttention(query: x[0], key: x[1], value: x[2], heads: heads, mask: mask)
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// Both product paths (SIMD loops for small heads, sgemm for large ones) match a double-precision
    /// reference of softmax(QKᵀ/√d + mask)·V per head.
    @Test(arguments: [(2, 3, 4, 5), (1, 2, 40, 32)])
    func forwardMatchesReference(batch: Int, heads: Int, nodes: Int, headWidth: Int) {
        var data = TestData(seed: 122)
        let width = heads * headWidth
        let q = data.tensor([batch, nodes, width]), k = data.tensor([batch, nodes, width]), v = data.tensor([batch, nodes, width])
        let mask = data.mask([batch, nodes, nodes], rate: 0.3)
        let tape = Tape()
        let out = tape.multiHeadAttention(query: tape.constant(q), key: tape.constant(k), value: tape.constant(v),
                                          heads: heads, mask: mask).value
        for b in 0..<batch {
            for h in 0..<heads {
                for i in 0..<nodes {
                    var scores = [Double](repeating: -.infinity, count: nodes)
                    for j in 0..<nodes where !mask[(b * nodes + i) * nodes + j] {
                        var s = 0.0
                        for d in 0..<headWidth { s += Double(q[b, i, h * headWidth + d]) * Double(k[b, j, h * headWidth + d]) }
                        scores[j] = s / Double(headWidth).squareRoot()
                    }
                    let top = scores.max()!
                    let weights = scores.map { top == -.infinity ? 0 : Foundation.exp($0 - top) }
                    let total = max(weights.reduce(0, +), 1e-300)
                    for d in 0..<headWidth {
                        var expected = 0.0
                        for j in 0..<nodes { expected += weights[j] / total * Double(v[b, j, h * headWidth + d]) }
                        #expect(abs(Double(out[b, i, h * headWidth + d]) - expected) < 1e-4)
                    }
                }
            }
        }
    }
}
