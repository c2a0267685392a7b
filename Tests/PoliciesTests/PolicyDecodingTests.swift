import Testing
@testable import Policies

@Suite struct PolicyDecodingTests {
    /// Every spelling parses to its case and prints back the same.
    @Test func parsesAndPrints() {
        let cases: [(String, PolicyDecoding)] = [("greedy", .greedy), ("sample:16", .sample(count: 16)),
                                                 ("multistart", .multistart), ("multistart-aug8", .multistartAugmented)]
        for (text, decoding) in cases {
            #expect(PolicyDecoding(argument: text) == decoding)
            #expect(decoding.description == text)
        }
    }

    /// Unknown names, missing or non-positive sample counts and counts above the maximum are rejected.
    @Test func rejectsBadValues() {
        for text in ["", "Greedy", "sample", "sample:", "sample:0", "sample:-3", "sample:x", "sample:100001", "aug8"] {
            #expect(PolicyDecoding(argument: text) == nil, "\(text)")
        }
    }

    /// POMO defaults to multi-start with ×8 augmentation, the attention model to greedy.
    @Test func standardDecodings() {
        #expect(PolicyDecoding.standard(for: .pomo) == .multistartAugmented)
        #expect(PolicyDecoding.standard(for: .attention) == .greedy)
        #expect(PolicyDecoding.multistart.needsStartNodes && !PolicyDecoding.sample(count: 2).needsStartNodes)
    }
}
