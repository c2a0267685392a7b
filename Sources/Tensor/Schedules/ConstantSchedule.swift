/// The same learning rate throughout.
public struct ConstantSchedule: LearningRateSchedule, Codable, Equatable {
    /// The rate.
    public var rate: Double

    public init(rate: Double) {
        self.rate = rate
    }

    public func rate(epoch: Int, step: Int) -> Double { rate }
}

extension LearningRateSchedule where Self == ConstantSchedule {
    /// A constant rate.
    public static func constant(_ rate: Double) -> ConstantSchedule { ConstantSchedule(rate: rate) }
}
