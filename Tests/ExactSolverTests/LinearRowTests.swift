import Testing
@testable import ExactSolver

struct LinearRowTests {
    /// Repeated columns are merged and zero coefficients dropped (GLPK aborts on duplicates); activity and
    /// violation follow the bounds.
    @Test func mergesTermsAndMeasuresViolation() {
        let row = LinearRow(name: "r", terms: [(3, 1), (1, 2), (3, 1), (2, 1), (2, -1)], lower: 1, upper: 4)
        #expect(row.columns == [1, 3])
        #expect(row.coefficients == [2, 2])
        #expect(row.activity(at: [0, 1, 5, 1]) == 4)
        #expect(row.violation(at: [0, 2, 0, 1]) == 2)
        #expect(row.violation(at: [0, 0, 0, 0]) == 1)
        #expect(LinearRow.equal("e", columns: [0], 1).lower == 1)
    }
}
