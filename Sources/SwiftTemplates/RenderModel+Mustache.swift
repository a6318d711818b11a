import Mustache
import SwiftRendering

// Mustache looks up each name a template uses. Reflection (`Mirror`) was most of the generator's time, so
// each render-model type answers by name here. A nil optional answers `false`, found and falsy: Mustache would
// otherwise look the name up in the enclosing contexts, and a nested declaration without a `cursorPage`
// would pick up its parent's. Keep these in step with RenderModel.swift (the emitter goldens fail otherwise).

// Mustache renders a variable it cannot otherwise place through `String(describing:)`, after checking
// whether the value is an optional; a `MustacheCustomRenderable` it renders directly. Nearly every variable
// is a String, so answering for String spares those checks on each of them (the output is the same: a
// string describes itself, and `isNull` is false, as Mustache's default).
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

/// `false` for nil, the value otherwise.
@inline(__always) private func present(_ value: Any?) -> Any { value ?? false }

extension FileModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "fileName": self.fileName
        case "source": self.source
        case "template": self.template
        case "imports": self.imports
        case "declarations": self.declarations
        case "resourceExtensions": self.resourceExtensions
        case "client": present(self.client)
        case "tests": self.tests
        case "testedModule": present(self.testedModule)
        case "suiteType": present(self.suiteType)
        case "suiteName": present(self.suiteName)
        case "accessLevel": self.accessLevel
        default: nil
        }
    }
}

extension DeclarationModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "structType": present(self.structType)
        case "enumType": present(self.enumType)
        case "unionType": present(self.unionType)
        case "typeAlias": present(self.typeAlias)
        default: nil
        }
    }
}

extension TypeAliasModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "target": self.target
        case "docLines": self.docLines
        default: nil
        }
    }
}

extension StructModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": self.docLines
        case "conformances": self.conformances
        case "properties": self.properties
        case "constants": self.constants
        case "initParameters": self.initParameters
        case "documentedNames": self.documentedNames
        case "documentedKeys": self.documentedKeys
        case "nested": self.nested
        case "cursorPage": present(self.cursorPage)
        default: nil
        }
    }
}

extension PropertyModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "type": self.type
        case "docLines": self.docLines
        case "decodeStatement": self.decodeStatement
        case "encodeStatement": self.encodeStatement
        default: nil
        }
    }
}

extension ConstantModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "literal": self.literal
        case "key": self.key
        case "docLines": self.docLines
        default: nil
        }
    }
}

extension CursorPageModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "itemType": self.itemType
        case "itemsProperty": self.itemsProperty
        case "cursorExpression": self.cursorExpression
        default: nil
        }
    }
}

extension EnumModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": self.docLines
        case "cases": self.cases
        default: nil
        }
    }
}

extension EnumCaseModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "literal": self.literal
        default: nil
        }
    }
}

extension UnionModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": self.docLines
        case "discriminatorKey": present(self.discriminatorKey)
        case "cases": self.cases
        case "documentedNames": self.documentedNames
        case "documentedKeys": self.documentedKeys
        case "checksKeys": self.checksKeys
        case "nested": self.nested
        default: nil
        }
    }
}

extension UnionCaseModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "declaration": self.declaration
        case "docLines": self.docLines
        case "discriminatorLiteral": present(self.discriminatorLiteral)
        case "decodeExpression": self.decodeExpression
        case "pattern": self.pattern
        case "encodeStatements": self.encodeStatements
        case "shapeType": present(self.shapeType)
        case "encodesWhole": self.encodesWhole
        case "keysCondition": present(self.keysCondition)
        case "otherMembersCondition": present(self.otherMembersCondition)
        case "otherMembersDecodeExpression": present(self.otherMembersDecodeExpression)
        default: nil
        }
    }
}

extension ClientModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": self.docLines
        case "defaultBaseURL": self.defaultBaseURL
        case "userAgentSDK": self.userAgentSDK
        case "userAgentVersion": self.userAgentVersion
        case "apiKeyEnvironmentVariable": present(self.apiKeyEnvironmentVariable)
        case "apiKeyEnvironmentVariableName": present(self.apiKeyEnvironmentVariableName)
        case "resources": self.resources
        case "rootResource": self.rootResource
        default: nil
        }
    }
}

extension ResourceModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "typeName": self.typeName
        case "docLines": self.docLines
        case "children": self.children
        default: nil
        }
    }
}

extension ResourceChildModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "property": self.property
        case "typeName": self.typeName
        case "docLines": self.docLines
        default: nil
        }
    }
}

extension ResourceExtensionModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "resourceType": self.resourceType
        case "methods": self.methods
        default: nil
        }
    }
}

extension MethodModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": self.docLines
        case "parameters": self.parameters
        case "returnType": self.returnType
        case "validations": self.validations
        case "usesQuery": self.usesQuery
        case "queryStatements": self.queryStatements
        case "bodyStatements": self.bodyStatements
        case "requestArguments": self.requestArguments
        case "sendExpression": self.sendExpression
        case "autoPaging": present(self.autoPaging)
        default: nil
        }
    }
}

extension AutoPagingModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "docLines": self.docLines
        case "parameters": self.parameters
        case "sequenceType": self.sequenceType
        case "afterParameter": self.afterParameter
        case "callArguments": self.callArguments
        case "baseMethod": self.baseMethod
        default: nil
        }
    }
}

extension RoundTripTestModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "functionName": self.functionName
        case "displayName": self.displayName
        case "typeName": self.typeName
        case "jsonLiteral": self.jsonLiteral
        case "knownIssue": present(self.knownIssue)
        default: nil
        }
    }
}
