import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            let name = phase.name + String(repeating: " ", count: max(0, 20 - phase.name.count))
            return "routespec: \(name) \(Self.fixed(phase.wall, digits: 3)) s (\(Self.fixed(phase.wall > 0 ? phase.cpu / phase.wall : 0, digits: 2)) cores busy)"
        }
        StandardStream.error.write((lines.joined(separator: "\n") + "\n"))
    }

    #if canImport(Glibc)
    private static let RUSAGE_SELF_ID = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let RUSAGE_SELF_ID = RUSAGE_SELF
    #endif

    /// `value` (not negative) with `digits` digits after the point, rounded: `%.3f`.
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((max(0, value) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Self.RUSAGE_SELF_ID, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
