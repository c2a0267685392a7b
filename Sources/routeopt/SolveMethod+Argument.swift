import ArgumentParser
import Solving

extension SolveMethod: ExpressibleByArgument {}
