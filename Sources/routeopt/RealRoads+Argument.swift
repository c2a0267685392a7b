import ArgumentParser
import RoutingCore

extension PointPools.Pool: ExpressibleByArgument {}
