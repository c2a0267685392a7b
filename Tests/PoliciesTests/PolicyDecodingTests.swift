import Testing
@testable import Policies

@Suite struct PolicyDecodingTests {
    /// Every spelling parses to its case and prints back the same.
    @Test func parsesAndPrints() {
        let cases: [(String, PolicyDecoding)] = [("greedy", .greedy), ("sample:16", .sample(count: 16)),
                                                 ("multistart", .multistart), ("multistart-aug8", .multistartAugmented(copies: 8)),
                                                 ("multistart-aug1", .multistartAugmented(copies: 1)),
                                                 ("multistart-aug128", .multistartAugmented(copies: 128))]
        for (text, decoding) in cases {
            #expect(PolicyDecoding(argument: text) == decoding)
            #expect(decoding.description == text)
        }
    }

    /// Unknown names, missing or non-positive sample or copy counts and counts above the maxima are rejected.
    @Test func rejectsBadValues() {
        for text in ["", "Greedy", "sample", "sample:", "sample:0", "sample:-3", "sample:x", "sample:100001", "aug8",
                     "multistart-aug", "multistart-aug0", "multistart-aug-8", "multistart-aug1025", "multistart-augx", "multistart-aug+8", "multistart-aug８"] {
            #expect(PolicyDecoding(argument: text) == nil, "\(text)")
        }
    }

    /// POMO defaults to multi-start with ×8 augmentation (the matrix policy ×128), the attention model to greedy.
    @Test func standardDecodings() {
        #expect(PolicyDecoding.standard(for: .pomo) == .multistartAugmented(copies: 8))
        #expect(PolicyDecoding.standard(for: .attention) == .greedy)
        #expect(PolicyDecoding.standard(for: .pomo, problem: .cvrp) == .multistartAugmented(copies: 8))
        #expect(PolicyDecoding.standard(for: .pomo, problem: .atsp) == .multistartAugmented(copies: 128))
        #expect(PolicyDecoding.standard(for: .pomo, problem: .acvrp) == .multistartAugmented(copies: 128))
        #expect(PolicyDecoding.multistart.needsStartNodes && !PolicyDecoding.sample(count: 2).needsStartNodes)
    }
}
