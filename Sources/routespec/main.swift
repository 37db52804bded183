import Foundation
import RouteSpecCore

AllocatorTuning.apply()
let arguments = Array(CommandLine.arguments.dropFirst())
let status = CommandLineTool.run(arguments)
exit(status)
