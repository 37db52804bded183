import Foundation
import RouteSpecCommands

exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), console: .standard))
