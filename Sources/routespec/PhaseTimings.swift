import Foundation

/// Wall time per phase of a run, printed to standard error when `ROUTESPEC_TIMINGS` is set (the
/// benchmark script uses it to show where the time goes).
struct PhaseTimings {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(String, Double)] = []

    init(enabled: Bool) { self.enabled = enabled }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((phase, Double(now - last) / 1e9))
        last = now
    }

    func report() {
        guard enabled else { return }
        let lines = phases.map { String(format: "routespec: %-20@ %.3f s", $0.0 as NSString, $0.1) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
