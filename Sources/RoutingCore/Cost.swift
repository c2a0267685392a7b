/// The objective type of every solver.
///
/// TSPLIB and CVRPLIB distance rules produce integers, so costs are integers and match published
/// optima exactly. Real-world matrices are converted to an integer unit (for example decimetres or
/// deciseconds) when they are imported.
public typealias Cost = Int
