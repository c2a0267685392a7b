import Testing
import RoutingCore
@testable import Tensor

@Suite struct GatherTests {
    /// gather (per-row indices, repeated indices included) along each axis has exact gradients.
    @Test(arguments: [0, 1, 2])
    func gatherGradients(axis: Int) {
        var data = TestData(seed: 71)
        let shape = [data.int(1...3), data.int(2...4), data.int(1...3)]
        let outer = shape[..<axis].reduce(1, *), k = data.int(1...4)
        let indices = data.indices(outer * k, below: shape[axis])
        let failures = GradientChecker().check(inputs: [data.tensor(shape)]) { tape, v in
            tape.gather(v[0], axis: axis, indices: indices)
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// gather picks each row's own entries: the decoder's current-node embedding and chosen log-prob.
    @Test func gatherForward() {
        let tape = Tape()
        let x = tape.constant(Tensor((0..<12).map(Float.init), shape: [2, 3, 2]))
        let picked = tape.gather(x, axis: 1, indices: [2, 0])
        #expect(picked.shape == [2, 1, 2])
        #expect(picked.value.scalars == [4, 5, 6, 7])
        let logits = tape.constant(Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]))
        #expect(tape.gather(logits, axis: 1, indices: [1, 2]).value.scalars == [2, 6])
    }

    /// indexSelect shares indices across rows, and scatterAdd (per-row and shared indices) adds into
    /// zeros; both have exact gradients.
    @Test func indexSelectAndScatterAdd() {
        var data = TestData(seed: 72)
        let x = data.tensor([3, 4, 2])
        let shared: [Int32] = [3, 0, 3]
        let select = GradientChecker().check(inputs: [x]) { tape, v in tape.indexSelect(v[0], axis: 1, indices: shared) }
        #expect(select.isEmpty, "\(select)")
        let perRow = data.indices(9, below: 5)
        let scatter = GradientChecker().check(inputs: [data.tensor([3, 3, 2])]) { tape, v in
            tape.scatterAdd(v[0], axis: 1, indices: perRow, size: 5)
        }
        #expect(scatter.isEmpty, "\(scatter)")
        let scatterShared = GradientChecker().check(inputs: [data.tensor([2, 3])]) { tape, v in
            tape.scatterAdd(v[0], axis: 1, indices: shared, size: 4)
        }
        #expect(scatterShared.isEmpty, "\(scatterShared)")
        let tape = Tape()
        let added = tape.scatterAdd(tape.constant(Tensor([1, 2, 3], shape: [1, 3])), axis: 1, indices: [2, 0, 2], size: 3)
        #expect(added.value.scalars == [2, 0, 4])
    }
}
