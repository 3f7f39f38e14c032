#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CSystemShims

/// The identity of the running notesim program: its GNU build id, which the linker derives
/// from the program's code.
///
/// Cached scenario results and the build record are keyed by it, so that any change to the
/// simulator, the renderer or the record's format invalidates them without a version
/// number that someone must remember to raise. Where the program has no build id (another
/// linker, another platform), the executable's size and modification time stand in.
/// (Pointer code for C interop: the shim writes the id into a buffer.)
public enum BuildIdentity {
    /// A short text that differs between any two builds of notesim.
    public static let current: String = buildID() ?? executableStamp() ?? "unknown"

    private static func buildID() -> String? {
        var bytes = [UInt8](repeating: 0, count: 64)
        let length = bytes.withUnsafeMutableBufferPointer { notesim_build_id($0.baseAddress, $0.count) }
        guard length > 0 else { return nil }
        return "id "
            + bytes[..<length].map { byte in
                let digits = Array("0123456789abcdef")
                return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
            }.joined()
    }

    private static func executableStamp() -> String? {
        #if os(Linux)
            var info = stat()
            guard stat("/proc/self/exe", &info) == 0 else { return nil }
            return "exe \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #else
            return nil
        #endif
    }
}
