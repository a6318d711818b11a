import Foundation
import Testing
@testable import SpecwrightRuntime

@Suite("Request bodies")
struct RequestBodyTests {
    @Test func multipartBytesAreExact() throws {
        var form = MultipartFormData(boundary: "BOUNDARY")
        form.add("model", "dall-e-2")
        form.add("n", 2)
        form.add("user", nil as String?)
        form.add("image", file: MultipartFile(data: Data([0x89, 0x50, 0x4E, 0x47]), fileName: "otter.png", contentType: "image/png"))
        form.add("include[]", ["a", "b"])
        let expected = Data("--BOUNDARY\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\ndall-e-2\r\n".utf8)
            + Data("--BOUNDARY\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n2\r\n".utf8)
            + Data("--BOUNDARY\r\nContent-Disposition: form-data; name=\"image\"; filename=\"otter.png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            + Data([0x89, 0x50, 0x4E, 0x47]) + Data("\r\n".utf8)
            + Data("--BOUNDARY\r\nContent-Disposition: form-data; name=\"include[]\"\r\n\r\na\r\n".utf8)
            + Data("--BOUNDARY\r\nContent-Disposition: form-data; name=\"include[]\"\r\n\r\nb\r\n".utf8)
            + Data("--BOUNDARY--\r\n".utf8)
        #expect(form.encoded() == expected)
        #expect(form.contentType == "multipart/form-data; boundary=BOUNDARY")
    }

    @Test func multipartQuotesNamesAndEncodesJSONFields() throws {
        var form = MultipartFormData(boundary: "b")
        form.add("weird\"name", file: MultipartFile(data: Data("x".utf8), fileName: "a\r\nb.txt"))
        try form.add("session", json: ["type": "realtime"])
        let text = String(decoding: form.encoded(), as: UTF8.self)
        #expect(text.contains("name=\"weird%22name\"; filename=\"a%0D%0Ab.txt\"\r\nContent-Type: application/octet-stream\r\n"))
        #expect(text.contains("name=\"session\"\r\n\r\n{\"type\":\"realtime\"}\r\n"))
        #expect(MultipartFormData().boundary.hasPrefix("specwright-"))
        #expect(MultipartFormData().boundary != MultipartFormData().boundary)
    }

    @Test func formBodyBytesAreExact() {
        var fields = QueryBuilder()
        fields.add("grant_type", "client_credentials")
        fields.add("scope", "read write")
        fields.add("redirect", "https://example.com/a?b=c&d")
        fields.add("missing", nil as String?)
        #expect(FormURLEncoding.body(fields) == Data(
            "grant_type=client_credentials&scope=read%20write&redirect=https%3A%2F%2Fexample.com%2Fa%3Fb%3Dc%26d".utf8))
    }
}
