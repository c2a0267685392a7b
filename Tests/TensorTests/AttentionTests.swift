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

    /// With per-pair bias channels weighted per head (``AttentionBias``), the gradients of queries, keys, values
    /// and the bias weights match finite differences, masked or not.
    @Test(arguments: [false, true])
    func biasedGradients(masked: Bool) {
        var data = TestData(seed: 123)
        for _ in 0..<2 {
            let batch = data.int(1...2), heads = data.int(1...3), dk = data.int(1...3)
            let queries = data.int(1...3), keys = data.int(2...4)
            let q = data.tensor([batch, queries, heads * dk]), k = data.tensor([batch, keys, heads * dk])
            let v = data.tensor([batch, keys, heads * dk])
            let channels = [data.tensor([batch, queries, keys]), data.tensor([batch, queries, keys])]
            let mask = masked ? data.mask([batch, queries, keys], rate: 0.3) : nil
            let weights = data.tensor([2, heads])
            let failures = GradientChecker().check(inputs: [q, k, v, weights]) { tape, x in
                tape.multiHeadAttention(query: x[0], key: x[1], value: x[2], heads: heads, mask: mask,
                                        bias: AttentionBias(channels: channels, weights: x[3]))
            }
            #expect(failures.isEmpty, "\(failures)")
        }
    }

    /// The bias adds `Σ_c w[c, h]·channel_c[b, i, j]` to head `h`'s scores: with one-hot channels and large
    /// weights, a head attends to the chosen key.
    @Test func biasSteersAttention() {
        let tape = Tape()
        let q = Tensor(zeros: [1, 2, 2]), k = Tensor(zeros: [1, 3, 2])
        let v = Tensor([1, 10, 2, 20, 3, 30], shape: [1, 3, 2])
        let pick = Tensor([0, 0, 1, 1, 0, 0], shape: [1, 2, 3])  // query 0 → key 2, query 1 → key 0
        let out = tape.multiHeadAttention(query: tape.constant(q), key: tape.constant(k), value: tape.constant(v), heads: 2,
                                          bias: AttentionBias(channels: [pick], weights: tape.constant(Tensor([50, 0], shape: [1, 2]))))
        #expect(abs(out.value[0, 0, 0] - 3) < 1e-4 && abs(out.value[0, 1, 0] - 1) < 1e-4)  // head 0 follows the bias
        #expect(abs(out.value[0, 0, 1] - 20) < 1e-4)  // head 1 (weight 0) averages 10, 20, 30
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
