import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SpecModel
import SpecParser
import Synchronization

/// Finds and reads spec files. The only part of the pipeline that touches the file system for input.
public enum SpecLoader {
    /// The largest page read, in bytes. The biggest page of the OpenAI reference is 57 KB; parsing takes
    /// memory of up to about 125 times a page's size (pages dense with inline code: a 4 MiB page of nothing else
    /// peaked at 527 MB in a release build), so 4 MiB keeps a run within about half a gigabyte. A larger file is
    /// an error at its first line and is not read.
    public static let maximumPageBytes = 4 << 20

    /// The Markdown files under `paths`: a folder is read recursively (hidden entries skipped) and its
    /// files are named relative to it; a file is named by its last component. Sorted by path.
    /// Files that cannot be read become diagnostics; paths that do not exist throw. `-` is standard input,
    /// one page named `<stdin>`, as compilers and linters name it.
    public static func load(_ paths: [String]) throws -> (files: [SpecFile], diagnostics: [Diagnostic]) {
        var files: [SpecFile] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                switch readStandardInput() {
                case .success(let file): files.append(file)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw SpecwrightError.noSuchPath(path)
            }
            let root = URL(fileURLWithPath: path)
            let entries: [(url: URL, relative: String)]
            if isDirectory.boolValue {
                let scanned = scan(root)
                entries = scanned.files
                diagnostics += scanned.problems
            } else {
                entries = [(root, root.lastPathComponent)]
            }
            // Files are read on all cores: reading and decoding hundreds of pages one by one was a tenth of the
            // time to load them.
            let read = Mutex<[Int: Result<SpecFile, Diagnostic>]>([:])
            DispatchQueue.concurrentPerform(iterations: entries.count) { index in
                let entry = entries[index]
                let outcome: Result<SpecFile, Diagnostic>
                outcome = readPage(entry.url, named: entry.relative)
                read.withLock { $0[index] = outcome }
            }
            for outcome in read.withLock({ done in entries.indices.compactMap { done[$0] } }) {
                switch outcome {
                case .success(let file): files.append(file)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        files.sort { $0.path < $1.path }
        return (files, diagnostics)
    }

    /// A page from a file: a regular file (a FIFO or a device given by name is not read), read no further than
    /// the page limit, so a file that grows, or lies about its size, is still bounded.
    static func readPage(_ url: URL, named name: String) -> Result<SpecFile, Diagnostic> {
        let at = SourceLocation(file: name, line: 1)
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            return .failure(Diagnostic(.error, .unreadableFile, at: at, "cannot read file: \(String(cString: strerror(errno)))"))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(Diagnostic(.error, .unreadableFile, at: at, "not a regular file (a FIFO, socket or device); not read"))
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(Diagnostic(.error, .unreadableFile, at: at, "cannot read file: \(String(cString: strerror(errno)))"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumPageBytes + 1) ?? Data()
        } catch {
            return .failure(Diagnostic(.error, .unreadableFile, at: at, "cannot read file: \(error.localizedDescription)"))
        }
        guard data.count <= maximumPageBytes else {
            let size = max(Int(info.st_size), data.count)
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            return .failure(Diagnostic(.error, .limitExceeded, at: at,
                                       "the page is \(megabytes) MiB, over the limit of \(maximumPageBytes >> 20) MiB a page; it is not read"))
        }
        return .success(SpecFile(path: name, text: text(of: data), absolutePath: url.standardizedFileURL.path))
    }

    /// The page on standard input, read to its end (no further than the page limit).
    static func readStandardInput() -> Result<SpecFile, Diagnostic> {
        let name = "<stdin>"
        var data = Data()
        while data.count <= maximumPageBytes {
            guard let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty else { break }
            data.append(chunk)
        }
        guard data.count <= maximumPageBytes else {
            return .failure(Diagnostic(.error, .limitExceeded, at: SourceLocation(file: name, line: 1),
                                       "the page is over the limit of \(maximumPageBytes >> 20) MiB a page; it is not read"))
        }
        return .success(SpecFile(path: name, text: text(of: data), absolutePath: nil))
    }

    /// The page's text. Invalid UTF-8 is repaired, not rejected (the parser reports what it cannot read):
    /// each byte that is not part of a valid sequence becomes U+001A SUBSTITUTE, one byte for one byte, so
    /// that columns, which count the file's bytes, stay true (U+FFFD would take three bytes for each).
    public static func text(of data: Data) -> String {
        if let valid = String(validating: data, as: UTF8.self) { return valid }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(data.count)
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                repaired.append(0x1A)
                index += 1
            } else {
                repaired.append(contentsOf: bytes[index..<(index + length)])
                index += length
            }
        }
        return String(decoding: repaired, as: UTF8.self)
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when the byte there starts none.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, secondRange): (Int, ClosedRange<UInt8>) = switch first {
        case 0x00...0x7F: (1, 0x80...0xBF)
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: (0, 0x80...0xBF)
        }
        guard length > 1 else { return length }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// Paths of the `.md` files under `root`, relative to it. Hidden files and folders are skipped;
    /// symbolic links to files count, links to folders are followed.
    public static func markdownFiles(under root: URL) -> [(url: URL, relative: String)] {
        scan(root).files
    }

    /// The `.md` files under `root`, and what could not be looked at, each a diagnostic at its path: a folder
    /// that cannot be read, a dangling link (to a page or to a folder of them) or a `.md` entry that is no
    /// regular file (a FIFO, a device) is an error, since pages may be missing and a run without them would
    /// remove their generated code; another special file is a warning.
    ///
    /// Walks with `readdir`, whose entry types spare a `stat` per file: Foundation's enumerator costs more
    /// than parsing a page.
    static func scan(_ root: URL) -> (files: [(url: URL, relative: String)], problems: [Diagnostic]) {
        var result: [(URL, String)] = []
        var problems: [Diagnostic] = []
        func problem(_ severity: Diagnostic.Severity, _ relative: String, _ message: String) {
            problems.append(Diagnostic(severity, .unreadableFile, at: SourceLocation(file: relative.isEmpty ? "." : relative, line: 1), message))
        }
        var pending: [String] = [""]
        var visited: Set<String> = []
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? root.path : root.path + "/" + folder
            if let real = realPath(absolute), !visited.insert(real).inserted { continue }  // a link cycle
            guard let directory = opendir(absolute) else {
                problem(.error, folder, "cannot read folder: \(String(cString: strerror(errno))); its pages would be missing")
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                let isPage = name.hasSuffix(".md")
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard stat(absolute + "/" + name, &info) == 0 else {
                        // An error even without `.md`: the link may have led to a folder of pages.
                        let reason = String(cString: strerror(errno))
                        problem(.error, relative,
                                type == Int32(DT_LNK) ? "dangling symbolic link (\(reason)); skipped" : "cannot look at this entry (\(reason)); skipped")
                        continue
                    }
                    type = switch info.st_mode & S_IFMT {
                    case S_IFDIR: Int32(DT_DIR)
                    case S_IFREG: Int32(DT_REG)
                    default: Int32(DT_FIFO)  // any special file
                    }
                }
                if type == Int32(DT_DIR) {
                    pending.append(relative)
                } else if type == Int32(DT_REG) {
                    if isPage { result.append((root.appendingPathComponent(relative), relative)) }
                } else {
                    problem(isPage ? .error : .warning, relative, "not a regular file (a FIFO, socket or device); skipped")
                }
            }
        }
        return (result.sorted { $0.1 < $1.1 }, problems.sorted { $0.location.file < $1.location.file })
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Errors at the edge of the tool, each saying what to do.
public enum SpecwrightError: Error, CustomStringConvertible, Equatable {
    case noSuchPath(String)

    public var description: String {
        switch self {
        case .noSuchPath(let path): "no such file or folder: \(path)"
        }
    }
}
