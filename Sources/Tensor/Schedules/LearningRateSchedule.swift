/// A learning rate as a function of training progress. Schedules are pure (no state), so a resumed
/// run only needs its epoch and step to continue with the same rates.
public protocol LearningRateSchedule: Sendable {
    /// The learning rate for the optimiser step numbered `step` (0-based, counted over the whole run),
    /// which falls in `epoch` (0-based).
    func rate(epoch: Int, step: Int) -> Double
}
