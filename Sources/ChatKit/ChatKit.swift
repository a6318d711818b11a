// The ChatKit SDK: its code is generated at build time by SpecwrightBuildPlugin from the pages in Specs/
// (a link to the repository's Specs/ folder), as specwright.json beside this file says. The reviewed copy of
// the same code is in Generated/ChatKit; `specwright check` keeps it equal to what the plugin generates.

// The runtime's types (APIResponse, APIError, RequestOptions, JSONValue, ...) come with `import ChatKit`.
@_exported import SpecwrightRuntime
