// The ChatKit API for this app, generated at build time by SpecwrightBuildPlugin from Specs/ (see
// specwright.json). SwiftPM needs one hand-written source file in a target; this one also re-exports the
// runtime, so `import ChatKitDemoAPI` is all an app needs.
@_exported import SpecwrightRuntime
