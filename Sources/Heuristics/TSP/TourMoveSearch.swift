/// A neighbourhood searched from one node: finds an improving move touching `v`, applies it and
/// activates the endpoints of the changed edges.
protocol TourMoveSearch {
    /// Applies an improving move involving `v` and returns its gain (cost decrease), or returns 0
    /// and leaves the tour unchanged.
    mutating func improve(from v: Int32, tour: ArrayTour, activating queue: inout ActiveQueue) -> Int
}
