import Foundation

/// Where a run stands, for the progress line and the log.
public struct TrainingStatus: Sendable {
    /// Epochs completed and the configured total.
    public var epoch: Int, epochs: Int
    /// Optimiser steps taken (skipped steps included).
    public var step: Int
    /// Instances trained on so far, and the total the configured epochs hold.
    public var instances: Int, totalInstances: Int
    /// Instances per second in this session.
    public var instancesPerSecond: Double
    /// Last step's loss and mean cost.
    public var loss: Float, cost: Float
    /// Latest validation: greedy mean cost and gap (percent), if any yet.
    public var validationCost: Double?, validationGap: Double?
    /// Seconds left at the current rate (capped by the time limit), if known.
    public var etaSeconds: Double?
    /// Steps skipped because of non-finite numbers.
    public var skippedSteps: Int

    /// `epoch 3/100 step 812 | 1650 inst/s | loss -0.213 cost 4.102 | val 3.912 (gap 1.84 %) | ETA 2h13m`.
    public var progressLine: String {
        var parts = ["epoch \(epoch)/\(epochs) step \(step)", String(format: "%.0f inst/s", instancesPerSecond),
                     String(format: "loss %.4g cost %.4f", loss, cost)]
        if let validationCost {
            parts.append(String(format: "val %.4f", validationCost)
                         + (validationGap.map { String(format: " (gap %.2f %%)", $0) } ?? ""))
        }
        if let etaSeconds { parts.append("ETA " + Self.duration(etaSeconds)) }
        if skippedSteps > 0 { parts.append("skipped \(skippedSteps)") }
        return parts.joined(separator: " | ")
    }

    /// `2h13m`, `4m05s`, `17s`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return String(format: "%dh%02dm", total / 3600, total % 3600 / 60) }
        if total >= 60 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return "\(total)s"
    }
}

/// What a run reports while it trains (the command line prints these on stderr).
public enum TrainingEvent: Sendable {
    /// After every step.
    case step(TrainingStatus)
    /// After every log interval (what non-interactive output prints).
    case logged(TrainingStatus)
    /// A validation result line.
    case validation(String)
    /// Information: start, resume, baseline checks, checkpoints, stop.
    case message(String)
    /// A problem the run survives (a skipped non-finite step).
    case warning(String)
}
