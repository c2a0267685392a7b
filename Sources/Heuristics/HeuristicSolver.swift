import RoutingCore
// Filled in by the heuristics work (construction, local search, iterated local search).
