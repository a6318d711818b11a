/// The `User-Agent` every call sends: the SDK and its version, Specwright's runtime and the Swift version,
/// then the platform, as `ChatKit/0.1.0 Specwright/0.1.0 Swift/6.3 (Linux; x86_64)`. It tells the API's
/// operators which SDK a request came from, as the official SDKs' `OpenAI/Python 1.x` does.
public enum UserAgent {
    /// The version of Specwright's runtime (and generator), as the `User-Agent` gives it.
    public static let specwrightVersion = "0.1.0"

    /// The header's value for the SDK module `sdk` of `version` (left out when unknown).
    public static func value(sdk: String?, version: String?) -> String {
        var products: [String] = []
        if let sdk, !sdk.isEmpty { products.append(version.map { "\(sdk)/\($0)" } ?? sdk) }
        products.append("Specwright/\(specwrightVersion)")
        products.append("Swift/\(swiftVersion)")
        return products.joined(separator: " ") + " (\(operatingSystem); \(architecture))"
    }

    /// The language version the runtime was compiled with (`#if swift` is the only way to know it).
    static var swiftVersion: String {
        #if swift(>=6.4)
        "6.4+"
        #elseif swift(>=6.3)
        "6.3"
        #elseif swift(>=6.2)
        "6.2"
        #elseif swift(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }

    static var operatingSystem: String {
        #if os(Linux)
        "Linux"
        #elseif os(macOS)
        "macOS"
        #elseif os(iOS)
        "iOS"
        #elseif os(tvOS)
        "tvOS"
        #elseif os(watchOS)
        "watchOS"
        #elseif os(visionOS)
        "visionOS"
        #elseif os(Windows)
        "Windows"
        #elseif os(Android)
        "Android"
        #else
        "unknown OS"
        #endif
    }

    static var architecture: String {
        #if arch(x86_64)
        "x86_64"
        #elseif arch(arm64)
        "arm64"
        #elseif arch(i386)
        "i386"
        #elseif arch(arm)
        "arm"
        #else
        "unknown"
        #endif
    }
}
