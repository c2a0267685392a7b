extension Solution {
    /// CVRP routes from a visiting sequence in which depot visits separate the routes
    /// (`[3, 1, 0, 2, 0]` with depot 0 gives `[[3, 1], [2]]`); empty routes are dropped.
    public static func routes<S: Sequence>(fromSequence sequence: S, depot: Int) -> Solution where S.Element == Int {
        var routes: [[Int]] = []
        var route: [Int] = []
        for node in sequence {
            if node == depot {
                if !route.isEmpty { routes.append(route) }
                route = []
            } else {
                route.append(node)
            }
        }
        if !route.isEmpty { routes.append(route) }
        return .routes(routes)
    }
}
