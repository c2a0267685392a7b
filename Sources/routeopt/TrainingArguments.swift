import ArgumentParser
import Policies
import RoutingCore

extension PolicyArchitecture: ExpressibleByArgument {}
extension BaselineKind: ExpressibleByArgument {}
extension ProblemKind: ExpressibleByArgument {}
extension CityMatrices.Objective: ExpressibleByArgument {}
