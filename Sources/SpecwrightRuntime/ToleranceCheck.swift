import Foundation

extension RoundTrip {
    /// What the generated round-trip tests check besides the round trip: that tolerant decoding
    /// (`DecodingMode.tolerant`) survives every way a response can disagree with the docs near this
    /// example. For each member of the example at every depth, it is removed, set to `null`, and given a value
    /// of another JSON type (a string, or a number in place of a string); for every such mutant:
    ///
    /// - tolerant decoding succeeds, and encoding the value writes back exactly the mutant;
    /// - where strict decoding throws, tolerant decoding reports exactly one issue more than for the example
    ///   itself, at the path strict decoding names, which is the mutated member or inside it;
    /// - where strict decoding accepts the mutant, tolerant decoding reports nothing more, or the mutated
    ///   member alone (an optional member that is `null` where the docs do not allow it: kept, and reported).
    ///
    /// A union that the mutant turns into a variant the docs do not list (its discriminator removed, or a
    /// variant's member, so that no variant fits) is `unknown` in both modes, and tolerant decoding says so at
    /// the union: such reports (`DecodingIssue.Kind.undocumentedValue`) at the mutated member or around it
    /// are left out of the comparison.
    ///
    /// The example itself may disagree with its docs (the defective ones are checked too): only the issues a
    /// mutant adds are compared, and for an example that strict decoding refuses (it throws at the example's
    /// own defect, whatever the mutant), the mutant's issue must be at the mutated member or inside it.
    ///
    /// - Returns: a sentence per broken promise, empty when all hold.
    public static func toleranceProblems<T: Codable>(_ type: T.Type, json: String) -> [String] {
        let tolerant = JSONCoding.makeDecoder(mode: .tolerant)
        let strict = JSONCoding.makeDecoder(mode: .strict)
        guard let example = try? tolerant.decode(JSONValue.self, from: Data(json.utf8)) else {
            return ["the example is not JSON"]
        }
        let baseline: [DecodingIssue]
        do {
            baseline = try tolerant.decodeReportingIssues(T.self, from: Data(json.utf8)).issues
        } catch {
            return ["the example itself does not decode tolerantly: \(error)"]
        }
        let exampleIsStrictlyValid = (try? strict.decode(T.self, from: Data(json.utf8))) != nil
        var problems: [String] = []
        for (path, mutant, change) in mutants(of: example) {
            let data: Data
            do { data = try JSONCoding.makeEncoder().encode(mutant) } catch { continue }
            let place = "\(DecodingErrorPath.path(path)) \(change)"
            let decoded: (value: T, issues: [DecodingIssue])
            do {
                decoded = try tolerant.decodeReportingIssues(T.self, from: data)
            } catch {
                problems.append("\(place): tolerant decoding threw \(error)")
                continue
            }
            if let encoded = try? JSONValue(encoding: decoded.value), encoded != mutant {
                problems.append("\(place): encoding again does not give the mutant back")
            }
            let mutated = DecodingErrorPath.path(path)
            func isWithinMutated(_ other: String) -> Bool {
                other == mutated || other.hasPrefix(mutated + ".") || other.hasPrefix(mutated + "[")
            }
            func isAroundMutated(_ other: String) -> Bool {
                other == "$" || mutated.hasPrefix(other + ".") || mutated.hasPrefix(other + "[")
            }
            let added = decoded.issues.filter { issue in
                !baseline.contains(issue)
                    && !(issue.kind == .undocumentedValue && (isWithinMutated(issue.path) || isAroundMutated(issue.path)))
            }
            guard exampleIsStrictlyValid else {
                if added.count > 1 || !added.allSatisfy({ isWithinMutated($0.path) }) {
                    problems.append("\(place): tolerant decoding reports \(added.map(\.description))")
                }
                continue
            }
            do {
                _ = try strict.decode(T.self, from: data)
                if !(added.isEmpty || added.map(\.path) == [mutated]) {
                    problems.append("\(place): strict decoding accepts it, tolerant decoding reports \(added.map(\.description))")
                }
            } catch let error as DecodingError {
                let thrown = DecodingErrorPath.describe(error).path
                if !isWithinMutated(thrown) {
                    problems.append("\(place): strict decoding throws at \(thrown), not at the mutated member")
                } else if added.map(\.path) != [thrown] {
                    problems.append("\(place): strict decoding throws at \(thrown), tolerant decoding reports \(added.map(\.description))")
                }
            } catch {
                problems.append("\(place): strict decoding threw \(error)")
            }
        }
        return problems
    }

    /// Every member of `value` at every depth removed, set to `null` and given another JSON type: the member's
    /// coding path, the mutant and what was done, in document order.
    static func mutants(of value: JSONValue) -> [(path: [any CodingKey], mutant: JSONValue, change: String)] {
        var result: [(path: [any CodingKey], mutant: JSONValue, change: String)] = []
        func visit(_ node: JSONValue, _ path: [any CodingKey], _ rebuild: @escaping (JSONValue?) -> JSONValue) {
            switch node {
            case .object(let members):
                for name in members.keys.sorted() {
                    let member = members[name]!
                    let memberPath = path + [AnyCodingKey(name)]
                    let put = { (replacement: JSONValue?) -> JSONValue in
                        var copy = members
                        copy[name] = replacement
                        return rebuild(.object(copy))
                    }
                    result.append((memberPath, put(nil), "removed"))
                    if member != .null { result.append((memberPath, put(.null), "set to null")) }
                    if case .string = member {
                        result.append((memberPath, put(.integer(12345)), "given a number"))
                    } else {
                        result.append((memberPath, put(.string("another type")), "given a string"))
                    }
                    visit(member, memberPath) { replacement in put(replacement) }
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    visit(element, path + [AnyCodingKey(index)]) { replacement in
                        var copy = elements
                        if let replacement { copy[index] = replacement } else { copy.remove(at: index) }
                        return rebuild(.array(copy))
                    }
                }
            default:
                break
            }
        }
        visit(value, []) { $0 ?? .null }
        return result
    }
}
