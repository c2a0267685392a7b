import Foundation
import Testing
@testable import Tensor

@Suite struct VectorMathTests {
    /// The SIMD exponential agrees with Foundation's to a few float ulps over the whole useful range,
    /// is negligible for −∞, and zeroes masked entries while summing a shifted row correctly, including a partial tail.
    @Test func expMatchesFoundation() {
        var x: Float = -87
        while x < 88 {
            let lanes = SIMD8<Float>((0..<8).map { x + Float($0) * 0.013 })
            let e = VectorMath.exp(lanes)
            for lane in 0..<8 {
                let expected = Foundation.exp(Double(lanes[lane]))
                #expect(abs(Double(e[lane]) - expected) <= 4e-7 * expected + 1e-37)
            }
            x += 0.37
        }
        #expect(VectorMath.exp(SIMD8(repeating: -.infinity)).max() < 1e-37)
        var row: [Float] = (0..<11).map { Float($0) * 0.5 }
        let mask: [UInt8] = (0..<11).map { $0 == 3 ? 1 : 0 }
        let total = row.withUnsafeMutableBufferPointer { values in
            mask.withUnsafeBufferPointer { VectorMath.shiftedExp(values.baseAddress!, count: 11, shift: 5, mask: $0.baseAddress!) }
        }
        let expected = (0..<11).filter { $0 != 3 }.map { Foundation.exp(Double($0) * 0.5 - 5) }.reduce(0, +)
        #expect(abs(Double(total) - expected) < 1e-5)
        #expect(row[3] == 0 && abs(Double(row[10]) - 1) < 1e-6)
    }

    /// The SIMD tanh agrees with Foundation's to about 1e-7 (relative near 0), saturates at ±1 for ±∞,
    /// and the scaled row kernel handles a partial tail.
    @Test func tanhMatchesFoundation() {
        var x: Float = -12
        while x < 12 {
            let lanes = SIMD8<Float>((0..<8).map { x + Float($0) * 0.0071 })
            let t = VectorMath.tanh(lanes)
            for lane in 0..<8 {
                let expected = Foundation.tanh(Double(lanes[lane]))
                #expect(abs(Double(t[lane]) - expected) <= 3e-7 * max(abs(expected), 0.1))
            }
            x += 0.043
        }
        let tiny = VectorMath.tanh(SIMD8(repeating: 1e-5))
        #expect(abs(Double(tiny[0]) - 1e-5) < 1e-11)
        #expect(VectorMath.tanh(SIMD8(repeating: .infinity)) == SIMD8(repeating: 1))
        #expect(VectorMath.tanh(SIMD8(repeating: -.infinity)) == SIMD8(repeating: -1))
        let input: [Float] = (0..<11).map { Float($0) * 0.3 - 1.5 }
        var output = [Float](repeating: 0, count: 11)
        output.withUnsafeMutableBufferPointer { VectorMath.scaledTanh(input, $0.baseAddress!, count: 11, scale: 10) }
        for (value, x) in zip(output, input) { #expect(abs(Double(value) - 10 * Foundation.tanh(Double(x))) < 4e-6) }
    }

    /// The masked maximum ignores masked entries in the SIMD body and the tail, and is -inf when all
    /// entries are masked.
    @Test func maskedMaximum() {
        let values: [Float] = (0..<19).map { Float(($0 * 7) % 19) - 9 }  // largest (9) at index 8
        var mask = [UInt8](repeating: 0, count: 19)
        #expect(VectorMath.maximum(values, count: 19) == 9)
        mask[8] = 1
        #expect(VectorMath.maximum(values, count: 19, mask: mask) == 8)  // 8 sits at index 16, in the tail
        mask[16] = 1
        #expect(VectorMath.maximum(values, count: 19, mask: mask) == 7)
        #expect(VectorMath.maximum(values, count: 19, mask: [UInt8](repeating: 1, count: 19)) == -.infinity)
    }
}
