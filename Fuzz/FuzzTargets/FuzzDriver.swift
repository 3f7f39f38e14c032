import Foundation

/// What every fuzz executable's `main` does: hand the command line to libFuzzer's driver
/// (in a `make fuzz` build), or replay the files it names (in an ordinary build, as
/// `FuzzCorpusTests` and a reader of a finding do).
///
/// Why here: each executable must define its own `LLVMFuzzerTestOneInput`, but the driver
/// declaration and the replay loop are the same for all of them.
public enum FuzzDriver {
    /// The bytes of each file named on the command line, in order (unreadable ones skipped).
    public static func inputs(_ paths: some Sequence<String> = CommandLine.arguments.dropFirst()) -> [[UInt8]] {
        paths.compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
    }

    #if FUZZING
        /// Runs libFuzzer on `callback` with this process's arguments, and exits with its status.
        public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, callback))
        }
    #endif
}

#if FUZZING
    /// libFuzzer's driver, called from our own `main` (SwiftPM gives every executable one).
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif
