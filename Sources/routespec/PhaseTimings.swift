import Foundation

/// Wall time per phase of a run, printed to standard error when `ROUTESPEC_TIMINGS` is set
/// (`Scripts/bench.sh` shows where the time goes with it).
struct PhaseTimings {
    let enabled: Bool
    private var last = Date()

    init(enabled: Bool) { self.enabled = enabled }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        Console.error(String(format: "routespec: %-20@ %.3f s\n", phase as NSString, now.timeIntervalSince(last)))
        last = now
    }
}
