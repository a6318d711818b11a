import Mustache
import SwiftRendering

/// Mustache looks a name it cannot find up in the enclosing contexts. Reflection reports a nil optional as
/// not found, so a nested declaration without a `cursorPage` would pick up its parent's, and a union's
/// `structType` would render the enclosing struct again. These lookups answer `false` for a nil property:
/// found, and falsy.
protocol RenderModelLookup: MustacheParent {}

extension RenderModelLookup {
    public func child(named name: String) -> Any? {
        for child in Mirror(reflecting: self).children where child.label == name {
            let value = Mirror(reflecting: child.value)
            guard value.displayStyle == .optional else { return child.value }
            return value.children.first?.value ?? false
        }
        return nil
    }
}

extension FileModel: RenderModelLookup {}
extension DeclarationModel: RenderModelLookup {}
extension StructModel: RenderModelLookup {}
extension PropertyModel: RenderModelLookup {}
extension ConstantModel: RenderModelLookup {}
extension CodingKeyModel: RenderModelLookup {}
extension CursorPageModel: RenderModelLookup {}
extension EnumModel: RenderModelLookup {}
extension EnumCaseModel: RenderModelLookup {}
extension UnionModel: RenderModelLookup {}
extension UnionCaseModel: RenderModelLookup {}
extension ClientModel: RenderModelLookup {}
extension ResourceModel: RenderModelLookup {}
extension ResourceChildModel: RenderModelLookup {}
extension ResourceExtensionModel: RenderModelLookup {}
extension MethodModel: RenderModelLookup {}
extension AutoPagingModel: RenderModelLookup {}
extension RoundTripTestModel: RenderModelLookup {}
