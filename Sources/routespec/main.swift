import Foundation
import RouteSpecCore

exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst())))
