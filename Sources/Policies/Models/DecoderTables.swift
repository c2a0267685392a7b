import Tensor

/// A pointer decoder (POMO's, or the attention model's glimpse decoder) rewritten as per-instance tables,
/// so that a decoding step is a few row gathers, a masked softmax per head and one product with a
/// precomputed matrix (see ``TableDecoding``).
///
/// The step query of a rollout is a sum of projected embeddings (first node, last node, a graph or
/// placeholder context, a capacity term), so head `h`'s attention score of key node `k` is a sum of table
/// rows: `first[f, k, h] + last[ℓ, k, h] + c·capacity[k, h]`, or `start[k, h]` for the attention model's
/// first TSP step. The attention output `x = concat_h P_h·V_h` goes through an output projection `W_o`
/// (`x·W_oᵀ + b_o`) and is compared with logit keys `L` (`/√d`); folding both gives
/// `values[k·H + h, j] = v_h(k)·(L·W_o)_h(j)/√d` and `bias[j] = b_o·l_j/√d`, so the logits are
/// `P·values + bias` directly. Every table is a differentiable tape result. Heads are the innermost index
/// so that one key's scores for all heads (8 by default) form one SIMD vector.
struct DecoderTables {
    /// `[B, n, n·H]` first-node score rows, or `nil` when the query has no first-node term (CVRP).
    let first: Variable?
    /// `[B, n, n·H]` last-node score rows (with any per-instance context folded in).
    let last: Variable
    /// `[B, 1, n·H]` the score row of the attention model's first TSP step (graph + placeholder).
    let start: Variable?
    /// `[B, 1, n·H]` the score row of a unit of remaining capacity (CVRP).
    let capacity: Variable?
    /// `[B, n·H, n]` attention values folded through the output projection and the logit keys.
    let values: Variable
    /// `[B, n]` the output-projection bias's share of every logit, or `nil`.
    let bias: Variable?
    /// `[B, n, n]` added to the clipped logits of a rollout whose current node is `ℓ` (row `ℓ`): the matrix
    /// policy's travel-cost term; `nil` for coordinate policies.
    var lastLogits: Variable? = nil
    /// Instances `B`, nodes `n` and heads `H`.
    let instances: Int, nodes: Int, heads: Int

    /// Every table variable, in the order the fused decoding's backward pass fills their gradients.
    var variables: [Variable?] { [first, last, start, capacity, values, bias, lastLogits] }

    // MARK: - Building blocks

    /// Attention score rows `[B, R, n·H]` of queries `[B, R, d]` against keys `[B, n, d]` (`/√d_k`).
    static func scores(queries: Variable, keys: Variable, heads: Int, on tape: Tape) -> Variable {
        tape.headScores(queries: queries, keys: keys, heads: heads, scale: 1 / Float(queries.shape[2] / heads).squareRoot())
    }

    /// The folded value table `[B, n·H, n]` of attention values `[B, n, d]` and output-projected logit keys
    /// `[B, n, d]` (`L·W_o`, already divided by `√d`).
    static func values(_ values: Variable, projectedKeys: Variable, heads: Int, on tape: Tape) -> Variable {
        let b = values.shape[0], n = values.shape[1]
        return tape.reshape(tape.headScores(queries: values, keys: projectedKeys, heads: heads, scale: 1, layout: .headMajor),
                            [b, n * heads, n])
    }
}
