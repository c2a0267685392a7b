extension Tape {
    /// The same elements with another shape (no copy forward; backward passes the gradient buffer on).
    public func reshape(_ x: Variable, _ shape: [Int]) -> Variable {
        let view = x.value.reshaped(shape)
        guard needsGradient(x) else { return constant(view) }
        return recordView(view, of: x)
    }

    /// Joins `parts` along `axis`; all other dimensions must agree.
    public func concat(_ parts: [Variable], axis: Int) -> Variable {
        precondition(!parts.isEmpty, "concat: nothing to join")
        let first = parts[0].value
        let outer = first.outerCount(before: axis), inner = first.innerCount(after: axis)
        var shape = first.shape
        shape[axis] = parts.reduce(0) { $0 + $1.shape[axis] }
        for part in parts {
            precondition(part.shape.count == shape.count && part.value.outerCount(before: axis) == outer
                         && part.value.innerCount(after: axis) == inner, "concat: \(part.shape) does not fit \(shape)")
        }
        let output = Tensor(uninitializedShape: shape)
        let rowLength = shape[axis] * inner
        var column = 0
        for part in parts {
            let width = part.shape[axis] * inner, source = part.pointer
            for o in 0..<outer { (output.pointer + o * rowLength + column).update(from: source + o * width, count: width) }
            column += width
        }
        guard needsGradient(parts) else { return constant(output) }
        return record(output) { tape, dy in
            var column = 0
            for part in parts {
                let width = part.shape[axis] * inner
                if let dx = tape.gradientTarget(part) {
                    for o in 0..<outer {
                        let from = dy + o * rowLength + column, to = dx.pointer + o * width
                        if dx.accumulates { for i in 0..<width { to[i] += from[i] } } else { to.update(from: from, count: width) }
                    }
                }
                column += width
            }
        }
    }

    /// Cuts `x` along `axis` into pieces of the given `sizes` (which must add up to the extent).
    public func split(_ x: Variable, axis: Int, sizes: [Int]) -> [Variable] {
        precondition(sizes.reduce(0, +) == x.shape[axis], "split: \(sizes) does not cover \(x.shape[axis])")
        let outer = x.value.outerCount(before: axis), inner = x.value.innerCount(after: axis)
        let rowLength = x.shape[axis] * inner
        var pieces = [Tensor](), column = 0
        for size in sizes {
            var shape = x.shape
            shape[axis] = size
            let piece = Tensor(uninitializedShape: shape), width = size * inner
            for o in 0..<outer { (piece.pointer + o * width).update(from: x.pointer + o * rowLength + column, count: width) }
            pieces.append(piece)
            column += width
        }
        guard needsGradient(x) else { return pieces.map { constant($0) } }
        return record(pieces) { tape, gradients in
            guard let dx = tape.gradientTarget(x) else { return }
            var column = 0
            for (size, gradient) in zip(sizes, gradients) {
                let width = size * inner
                for o in 0..<outer {
                    let to = dx.pointer + o * rowLength + column
                    if let gradient {
                        let from = gradient + o * width
                        if dx.accumulates { for i in 0..<width { to[i] += from[i] } } else { to.update(from: from, count: width) }
                    } else if !dx.accumulates {
                        to.update(repeating: 0, count: width)
                    }
                }
                column += width
            }
        }
    }

    /// Swaps two dimensions (a copy).
    public func transpose(_ x: Variable, _ first: Int, _ second: Int) -> Variable {
        var order = Array(0..<x.shape.count)
        order.swapAt(first, second)
        return permute(x, order)
    }

    /// Reorders dimensions: result dimension `i` is `x`'s dimension `order[i]` (a copy).
    public func permute(_ x: Variable, _ order: [Int]) -> Variable {
        precondition(order.sorted() == Array(0..<x.shape.count), "permute: \(order) is not a permutation")
        let shape = order.map { x.shape[$0] }
        var inputStrides = [Int](repeating: 1, count: shape.count)
        for d in stride(from: shape.count - 2, through: 0, by: -1) { inputStrides[d] = inputStrides[d + 1] * x.shape[d + 1] }
        let strides = order.map { inputStrides[$0] }
        let output = Tensor(uninitializedShape: shape)
        let source = x.pointer, out = output.pointer
        Self.forEachPermuted(shape: shape, strides: strides) { o, i in out[o] = source[i] }
        guard needsGradient(x) else { return constant(output) }
        return record(output) { tape, dy in
            guard let dx = tape.gradientTarget(x) else { return }
            let target = dx.pointer
            if dx.accumulates {
                Self.forEachPermuted(shape: shape, strides: strides) { o, i in target[i] += dy[o] }
            } else {
                Self.forEachPermuted(shape: shape, strides: strides) { o, i in target[i] = dy[o] }
            }
        }
    }

    /// Visits every output position in row-major order with the matching input offset.
    @inline(__always)
    private static func forEachPermuted(shape: [Int], strides: [Int], _ body: (Int, Int) -> Void) {
        let count = shape.reduce(1, *)
        guard count > 0 else { return }
        let rank = shape.count
        guard rank > 0 else { body(0, 0); return }
        if rank == 4 {
            // The common case (attention heads, decoder tables) in plain nested loops.
            var o = 0
            for i0 in 0..<shape[0] {
                let b0 = i0 * strides[0]
                for i1 in 0..<shape[1] {
                    let b1 = b0 + i1 * strides[1]
                    for i2 in 0..<shape[2] {
                        let b2 = b1 + i2 * strides[2]
                        for i3 in 0..<shape[3] { body(o + i3, b2 + i3 * strides[3]) }
                        o += shape[3]
                    }
                }
            }
            return
        }
        let last = shape[rank - 1], lastStride = strides[rank - 1]
        var index = [Int](repeating: 0, count: rank)
        var inputOffset = 0, o = 0
        while o < count {
            for j in 0..<last { body(o + j, inputOffset + j * lastStride) }
            o += last
            var d = rank - 2
            while d >= 0 {
                index[d] += 1
                inputOffset += strides[d]
                if index[d] < shape[d] { break }
                inputOffset -= strides[d] * shape[d]
                index[d] = 0
                d -= 1
            }
        }
    }
}
