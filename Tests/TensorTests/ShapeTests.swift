import Testing
import RoutingCore
@testable import Tensor

@Suite struct ShapeTests {
    /// concat along each axis has exact gradients and puts parts side by side.
    @Test(arguments: [0, 1, 2])
    func concatGradients(axis: Int) {
        var data = TestData(seed: 81)
        let base = [2, 3, 2]
        var shapeA = base, shapeB = base
        shapeA[axis] = data.int(1...3)
        shapeB[axis] = data.int(1...3)
        let failures = GradientChecker().check(inputs: [data.tensor(shapeA), data.tensor(shapeB), data.tensor(base)]) { tape, v in
            tape.concat(v, axis: axis)
        }
        #expect(failures.isEmpty, "\(failures)")
        let tape = Tape()
        let joined = tape.concat([tape.constant(Tensor([1, 2], shape: [2, 1])), tape.constant(Tensor([3, 4], shape: [2, 1]))], axis: 1)
        #expect(joined.value.scalars == [1, 3, 2, 4])
    }

    /// split is the inverse of concat, and pieces that receive no gradient pass zeros back.
    @Test func splitGradients() {
        var data = TestData(seed: 82)
        let x = data.tensor([2, 5, 3])
        let failures = GradientChecker().check(inputs: [x]) { tape, v in
            let pieces = tape.split(v[0], axis: 1, sizes: [2, 1, 2])
            return tape.concat([pieces[2], pieces[0]], axis: 1)
        }
        #expect(failures.isEmpty, "\(failures)")
        let tape = Tape()
        let pieces = tape.split(tape.constant(Tensor([1, 2, 3, 4], shape: [2, 2])), axis: 1, sizes: [1, 1])
        #expect(pieces[0].value.scalars == [1, 3] && pieces[1].value.scalars == [2, 4])
    }

    /// reshape, transpose and a general permute have exact gradients; transpose moves elements correctly.
    @Test func reshapeTransposePermute() {
        var data = TestData(seed: 83)
        let x = data.tensor([2, 3, 4])
        let failures = GradientChecker().check(inputs: [x]) { tape, v in
            let permuted = tape.reshape(tape.permute(v[0], [2, 0, 1]), [24])
            let transposed = tape.reshape(tape.transpose(tape.reshape(v[0], [6, 4]), 0, 1), [24])
            return tape.multiply(tape.add(permuted, transposed), tape.reshape(v[0], [24]))
        }
        #expect(failures.isEmpty, "\(failures)")
        let tape = Tape()
        let t = tape.transpose(tape.constant(Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])), 0, 1)
        #expect(t.shape == [3, 2] && t.value.scalars == [1, 4, 2, 5, 3, 6])
    }
}
