import Foundation

/// Wall time per phase of a run, printed to standard error when `ROUTESPEC_TIMINGS` is set (the
/// benchmark script uses it to show where the time goes).
struct PhaseTimings {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = PhaseTimings.cpuSeconds()
    private var phases: [(name: String, wall: Double, cpu: Double)] = []

    init(enabled: Bool) { self.enabled = enabled }

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds, cpu = Self.cpuSeconds()
        phases.append((phase, Double(now - last) / 1e9, cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// Each phase's wall time, and how many cores it kept busy on average (its CPU time, user
    /// and system, over its wall time): below the core count, a phase left cores idle.
    func report() {
        guard enabled else { return }
        let lines = phases.map { phase in
            String(format: "routespec: %-20@ %.3f s (%.2f cores busy)", phase.name as NSString, phase.wall,
                   phase.wall > 0 ? phase.cpu / phase.wall : 0)
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    #if canImport(Glibc)
    private static let RUSAGE_SELF_ID = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let RUSAGE_SELF_ID = RUSAGE_SELF
    #endif

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Self.RUSAGE_SELF_ID, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
