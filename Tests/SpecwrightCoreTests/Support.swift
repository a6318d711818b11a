import Foundation

/// The repository root, found from this file's path (Tests/SpecwrightCoreTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
