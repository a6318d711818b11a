/// The render model: every Swift decision (names, types, coding keys, doc comments, expressions) made,
/// so that templates only lay it out. Templates read these values by property name; renaming a property
/// here is a change to the template contract (see `Sources/SwiftTemplates/Templates`).

/// One generated Swift file.
public struct FileModel: Sendable, Hashable {
    /// Base name, unique in the module (`chatkit.threads.object.swift`).
    public var fileName: String
    /// What the file was generated from (`chatkit/threads/object.md`), or a description for shared files.
    public var source: String
    /// Which template lays it out: `types`, `client`, `roundTripTests`.
    public var template: String
    public var imports: [String]
    public var declarations: [DeclarationModel]
    public var resourceExtensions: [ResourceExtensionModel]
    public var client: ClientModel?
    public var tests: [RoundTripTestModel]
    /// The `import` of the module under test, in test files.
    public var testedModule: String?
    /// The type that groups a test file's tests (test function names repeat from page to page).
    public var suiteType: String?
    /// The suite's display name, a string literal.
    public var suiteName: String?
    /// The access level of every declaration: `public`, `package` or `internal`.
    public var accessLevel: String = "public"
}

/// A type declaration: exactly one of the kinds is set (templates select it with a section).
public struct DeclarationModel: Sendable, Hashable {
    public var structType: StructModel?
    public var enumType: EnumModel?
    public var unionType: UnionModel?
    public var typeAlias: TypeAliasModel?
}

/// A name for a type declared elsewhere: a schema whose structure another page or scope declared first.
public struct TypeAliasModel: Sendable, Hashable {
    public var name: String
    /// The qualified name of the type it stands for.
    public var target: String
    public var docLines: [String]
}

/// An object schema as a struct that keeps unknown keys.
public struct StructModel: Sendable, Hashable {
    public var name: String
    public var docLines: [String]
    public var conformances: String
    /// Stored properties in document order.
    public var properties: [PropertyModel]
    /// Single-value fields: computed properties, checked on decode, written on encode.
    public var constants: [ConstantModel]
    /// `name: Type = default, ...` of the memberwise initializer.
    public var initParameters: String
    /// The documented JSON names as the member container's `documented:` argument (see
    /// `SwiftNames.nameListLiteral`): every other member is kept in `additionalProperties`.
    public var documentedNames: String
    /// The same names as a comma-separated list of string literals, for templates that list them in an array.
    public var documentedKeys: String
    public var nested: [DeclarationModel]
    /// Extra conformance, e.g. `CursorPage` for list responses.
    public var cursorPage: CursorPageModel?
}

public struct PropertyModel: Sendable, Hashable {
    public var name: String
    public var type: String
    public var docLines: [String]
    /// A full statement decoding the property from `container`.
    public var decodeStatement: String
    /// A full statement encoding the property into `container`.
    public var encodeStatement: String
}

public struct ConstantModel: Sendable, Hashable {
    public var name: String
    public var literal: String
    /// The JSON name as a string literal (the `JSONKey`).
    public var key: String
    public var docLines: [String]
}

public struct CursorPageModel: Sendable, Hashable {
    public var itemType: String
    public var itemsProperty: String
    public var cursorExpression: String
}

/// A string enum with a case for values the docs do not list.
public struct EnumModel: Sendable, Hashable {
    public var name: String
    public var docLines: [String]
    public var cases: [EnumCaseModel]
}

public struct EnumCaseModel: Sendable, Hashable {
    public var name: String
    public var literal: String
}

/// A union: by a discriminator key, or by the JSON shape.
public struct UnionModel: Sendable, Hashable {
    public var name: String
    public var docLines: [String]
    /// Set for discriminated unions: the key whose constant picks the case, as a string literal.
    public var discriminatorKey: String?
    public var cases: [UnionCaseModel]
    /// Every key some case documents, as the member container's `documented:` argument.
    public var documentedNames: String
    /// The same keys as string literals separated by commas (see `StructModel.documentedKeys`).
    public var documentedKeys: String
    public var nested: [DeclarationModel]
    /// Some case checks the keys of the value (see `UnionCaseModel.keysCondition`).
    public var checksKeys: Bool
}

public struct UnionCaseModel: Sendable, Hashable {
    /// `case locked(reason: String?)`'s text after `case `.
    public var declaration: String
    public var docLines: [String]
    /// The discriminator value (discriminated unions).
    public var discriminatorLiteral: String?
    /// Expression producing `self` from `container` (discriminated) or `single` (by shape).
    public var decodeExpression: String
    /// The pattern in `switch self`, e.g. `.locked(let reason)`.
    public var pattern: String
    /// Statements that encode the case's values (after the discriminator).
    public var encodeStatements: [String]
    /// For shape unions: the type tried when decoding.
    public var shapeType: String?
    /// The value encodes itself whole (payload struct or shape case): `try value.encode(to: encoder)`.
    public var encodesWhole: Bool
    /// For cases with labeled values: the condition (a `where` clause) under which the value holds no keys the
    /// case cannot keep. A value with other keys decodes as `unknown` strictly, so nothing is lost on
    /// re-encoding; tolerantly, as the case, its other keys kept by the object that holds it.
    public var keysCondition: String?
    /// For cases with labeled values that can fail to decode: the `where` clause of their second label, for a
    /// value with other keys (`container.keepsOtherMembers(writing:)`), and the expression it decodes with
    /// (`unknown` when a value of the case does not fit, as strictly). Nil otherwise.
    public var otherMembersCondition: String? = nil
    public var otherMembersDecodeExpression: String? = nil
}

/// The root client and its resource tree.
public struct ClientModel: Sendable, Hashable {
    public var name: String
    public var docLines: [String]
    public var defaultBaseURL: String
    /// The arguments of `UserAgent.value(sdk:version:)`: the module's name and the SDK's version (or `nil`),
    /// as Swift literals.
    public var userAgentSDK: String
    public var userAgentVersion: String
    /// The environment variable the docs read the key from, as a string literal, and as plain text.
    public var apiKeyEnvironmentVariable: String?
    public var apiKeyEnvironmentVariableName: String?
    public var resources: [ResourceModel]
    public var rootResource: ResourceModel
}

/// A resource (`client.chatkit.threads`): a struct with child resources as properties.
public struct ResourceModel: Sendable, Hashable {
    public var typeName: String
    public var docLines: [String]
    public var children: [ResourceChildModel]
}

public struct ResourceChildModel: Sendable, Hashable {
    public var property: String
    public var typeName: String
    public var docLines: [String]
}

/// The endpoint methods a page adds to its resource.
public struct ResourceExtensionModel: Sendable, Hashable {
    public var resourceType: String
    public var methods: [MethodModel]
}

public struct MethodModel: Sendable, Hashable {
    public var name: String
    public var docLines: [String]
    /// `threadID: String, options: RequestOptions? = nil`
    public var parameters: String
    public var returnType: String
    public var validations: [String]
    public var usesQuery: Bool
    public var queryStatements: [String]
    public var bodyStatements: [String]
    /// Arguments of `EndpointRequest(...)`, one per line, commas included.
    public var requestArguments: [String]
    /// The call that sends the request: decoding into the return type, or raw.
    public var sendExpression: String
    /// A second method returning all items across pages, for cursor-paginated lists.
    public var autoPaging: AutoPagingModel?
}

public struct AutoPagingModel: Sendable, Hashable {
    public var name: String
    public var docLines: [String]
    public var parameters: String
    public var sequenceType: String
    public var afterParameter: String
    public var callArguments: String
    public var baseMethod: String
}

/// A generated test: one documentation example decoded and re-encoded.
public struct RoundTripTestModel: Sendable, Hashable {
    public var functionName: String
    public var displayName: String
    public var typeName: String
    /// A raw string literal holding the example's JSON.
    public var jsonLiteral: String
    /// Set when the lint reports the example as not conforming: the test expects that failure.
    public var knownIssue: String?
}
