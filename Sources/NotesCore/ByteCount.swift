/// Byte counts as people read them: `512 B`, `12.5 KB`, `10 MB` (1 KB = 1,024 bytes, as the
/// scenario language counts sizes).
public enum ByteCount {
    public static func text(_ bytes: Int) -> String {
        let units = [(1_073_741_824.0, "GB"), (1_048_576.0, "MB"), (1_024.0, "KB")]
        for (size, name) in units where Double(bytes) >= size {
            let value = Double(bytes) / size
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)) \(name)" : "\(rounded) \(name)"
        }
        return "\(bytes) B"
    }
}
