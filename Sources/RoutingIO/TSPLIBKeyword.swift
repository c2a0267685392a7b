/// Every keyword of TSPLIB95 and of the CVRPLIB/LKH-3 extensions that an instance file may hold.
///
/// Keywords RouteOpt cannot honour are still known here, so that a file using them gets a clear
/// "not supported" error rather than "unknown keyword".
enum TSPLIBKeyword: String, CaseIterable {
    // MARK: Specification part (TSPLIB95)
    case name = "NAME"
    case type = "TYPE"
    case comment = "COMMENT"
    case dimension = "DIMENSION"
    case capacity = "CAPACITY"
    case edgeWeightType = "EDGE_WEIGHT_TYPE"
    case edgeWeightFormat = "EDGE_WEIGHT_FORMAT"
    case edgeDataFormat = "EDGE_DATA_FORMAT"
    case nodeCoordType = "NODE_COORD_TYPE"
    case displayDataType = "DISPLAY_DATA_TYPE"
    case endOfFile = "EOF"

    // MARK: Specification part (CVRPLIB / LKH-3 extensions)
    case vehicles = "VEHICLES"
    case salesmen = "SALESMEN"
    case distance = "DISTANCE"
    case serviceTime = "SERVICE_TIME"
    case demandDimension = "DEMAND_DIMENSION"
    case riskThreshold = "RISK_THRESHOLD"
    case scale = "SCALE"
    case gridSize = "GRID_SIZE"

    // MARK: Data part (TSPLIB95)
    case nodeCoordSection = "NODE_COORD_SECTION"
    case depotSection = "DEPOT_SECTION"
    case demandSection = "DEMAND_SECTION"
    case edgeDataSection = "EDGE_DATA_SECTION"
    case fixedEdgesSection = "FIXED_EDGES_SECTION"
    case displayDataSection = "DISPLAY_DATA_SECTION"
    case tourSection = "TOUR_SECTION"
    case edgeWeightSection = "EDGE_WEIGHT_SECTION"

    // MARK: Data part (CVRPLIB / LKH-3 extensions)
    case backhaulSection = "BACKHAUL_SECTION"
    case timeWindowSection = "TIME_WINDOW_SECTION"
    case serviceTimeSection = "SERVICE_TIME_SECTION"
    case pickupAndDeliverySection = "PICKUP_AND_DELIVERY_SECTION"
    case requiredNodesSection = "REQUIRED_NODES_SECTION"
    case ctspSetSection = "CTSP_SET_SECTION"

    /// `true` for the `…_SECTION` keywords, which are followed by data lines.
    var isSection: Bool { rawValue.hasSuffix("_SECTION") }

    /// Why RouteOpt cannot read a file that uses this keyword at all, or `nil` when it can (or when
    /// support depends on the keyword's value).
    var unsupportedFeature: String? {
        switch self {
        case .edgeDataFormat, .edgeDataSection: return "edge-data (sparse graph) instances"
        case .distance: return "route-length limits (DISTANCE)"
        case .riskThreshold: return "risk thresholds (RISK_THRESHOLD)"
        case .timeWindowSection: return "time windows (TIME_WINDOW_SECTION)"
        case .serviceTimeSection: return "per-node service times (SERVICE_TIME_SECTION)"
        case .pickupAndDeliverySection: return "pickup and delivery (PICKUP_AND_DELIVERY_SECTION)"
        case .requiredNodesSection: return "required-node subsets (REQUIRED_NODES_SECTION)"
        case .ctspSetSection: return "coloured TSP sets (CTSP_SET_SECTION)"
        default: return nil
        }
    }
}
