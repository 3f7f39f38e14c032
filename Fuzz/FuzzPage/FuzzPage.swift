import FuzzTargets

#if FUZZING
    /// libFuzzer's entry point (built by `make fuzz` with `-sanitize=fuzzer,address`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzTargets.page(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    @main
    struct FuzzPage {
        static func main() {
            FuzzDriver.run(fuzzPage)
        }
    }
#else
    /// Without libFuzzer: runs the target on each file named on the command line (a corpus).
    @main
    struct ReplayPage {
        static func main() {
            for input in FuzzDriver.inputs() { FuzzTargets.page(input) }
        }
    }
#endif
