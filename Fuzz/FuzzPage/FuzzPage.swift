import Foundation
import FuzzTargets

#if FUZZING
    /// libFuzzer's entry point (built by `make fuzz` with `-sanitize=fuzzer,address`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzTargets.page(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    /// libFuzzer's driver, called from our own `main` (SwiftPM gives every executable one).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @main
    struct FuzzPage {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzPage))
        }
    }
#else
    /// Without libFuzzer: runs the target on each file named on the command line (a corpus).
    @main
    struct ReplayPage {
        static func main() {
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                FuzzTargets.page(Array(data))
            }
        }
    }
#endif
