import Dispatch

/// Drops the last references to `value` on a background thread. Freeing a corpus's page facts
/// (hundreds of thousands of strings and arrays, one at a time) took about as long as merging
/// them, and nothing waits for it.
func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let value = value
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
}
