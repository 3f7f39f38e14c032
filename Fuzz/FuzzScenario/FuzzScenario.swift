import FuzzTargets

#if FUZZING
/// libFuzzer's entry point (built by `make fuzz` with `-sanitize=fuzzer,address`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.scenario(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
import Foundation

/// Without libFuzzer: runs the target on each file named on the command line (a corpus).
@main
struct ReplayScenario {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTargets.scenario(Array(data))
        }
    }
}
#endif
