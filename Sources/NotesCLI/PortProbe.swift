import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whether `serve` can listen where it was asked, tried before the first build.
///
/// Why: the server binds only after the site is built, so a port in use showed as
/// "Serving … at http://127.0.0.1:8000/" followed by a raw errno. Binding a socket to the
/// same address first (and closing it) turns that into one clear error before anything else.
enum PortProbe {
    /// Why `serve` cannot listen, in words, and what to change on the command line.
    struct Problem: Equatable {
        var message: String
        var hint: String
    }

    /// nil when `host:port` can be bound now; otherwise the error, and the option to change
    /// (an address that does not resolve is no matter of ports).
    static func problem(host: String, port: Int) -> Problem? {
        let another = "choose another port with --port"
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let first = found else {
            return Problem(
                message: "cannot resolve the address '\(host)': \(String(cString: gai_strerror(status)))",
                hint: "name an address of this machine with --host, such as 127.0.0.1")
        }
        defer { freeaddrinfo(found) }
        let handle = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard handle >= 0 else { return Problem(message: String(cString: strerror(errno)), hint: another) }
        defer { close(handle) }
        // As the server sets it: a port left in TIME_WAIT by an earlier run is free.
        var yes: Int32 = 1
        setsockopt(handle, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(handle, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            // An address this machine does not have is a matter of --host, not of the port.
            let notHere = errno == EADDRNOTAVAIL
            return Problem(
                message: errno == EADDRINUSE ? "port \(port) is already in use" : String(cString: strerror(errno)),
                hint: notHere ? "'\(host)' is not an address of this machine; name one with --host, such as 127.0.0.1" : another)
        }
        return nil
    }
}
