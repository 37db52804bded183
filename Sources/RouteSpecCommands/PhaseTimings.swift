import Foundation

/// Wall time per phase of a run, printed to standard error when `ROUTESPEC_TIMINGS` is set
/// (`Scripts/bench.sh` shows where the time goes with it).
struct PhaseTimings {
    let enabled: Bool
    let console: Console
    private var last = Date()

    init(enabled: Bool, console: Console) {
        self.enabled = enabled
        self.console = console
    }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        console.error(String(format: "routespec: %-20@ %.3f s\n", phase as NSString, now.timeIntervalSince(last)))
        last = now
    }
}
