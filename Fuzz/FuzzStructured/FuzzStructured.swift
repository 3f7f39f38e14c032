import Foundation
import FuzzTargets

#if FUZZING
    /// libFuzzer's entry point (built by `make fuzz` with `-sanitize=fuzzer,address`): an
    /// input that breaks the property is reported as a crash, with the violations and what
    /// the input generated on standard error.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzStructured(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let violations = StructuredFuzzing.check(bytes)
        if !violations.isEmpty {
            FileHandle.standardError.write(Data(("PROPERTY VIOLATED:\n" + violations.joined(separator: "\n") + "\n").utf8))
            FileHandle.standardError.write(Data(String(StructuredFuzzing.describe(bytes).prefix(20_000)).utf8))
            abort()
        }
        return 0
    }

    @main
    struct FuzzStructured {
        static func main() {
            FuzzDriver.run(fuzzStructured)
        }
    }
#else
    /// Without libFuzzer: checks the property on each file named on the command line, and
    /// with `--print` first, shows what each generates instead.
    @main
    struct ReplayStructured {
        static func main() {
            let printing = CommandLine.arguments.dropFirst().first == "--print"
            var failed = false
            for path in CommandLine.arguments.dropFirst(printing ? 2 : 1) {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                if printing {
                    print(StructuredFuzzing.describe(Array(data)))
                    continue
                }
                let violations = StructuredFuzzing.check(Array(data))
                print("\(path): " + (violations.isEmpty ? "holds" : violations.joined(separator: "\n  ")))
                failed = failed || !violations.isEmpty
            }
            exit(failed ? 1 : 0)
        }
    }
#endif
