import FuzzTargets

#if FUZZING
    /// libFuzzer's entry point (built by `make fuzz` with `-sanitize=fuzzer,address`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzTargets.scenario(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    @main
    struct FuzzScenario {
        static func main() {
            FuzzDriver.run(fuzzScenario)
        }
    }
#else
    /// Without libFuzzer: runs the target on each file named on the command line (a corpus).
    @main
    struct ReplayScenario {
        static func main() {
            for input in FuzzDriver.inputs() { FuzzTargets.scenario(input) }
        }
    }
#endif
