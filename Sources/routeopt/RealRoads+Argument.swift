import ArgumentParser
import RoutingCore

extension PointPools.Pool: ExpressibleByArgument {}
extension CityMatrices.Objective: ExpressibleByArgument {}
