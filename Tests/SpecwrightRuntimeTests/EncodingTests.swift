import Foundation
import SpecwrightRuntime
import Testing

@Suite struct EncodingTests {
    @Test func pathSegmentEncodesEverythingButUnreserved() {
        #expect(PathEncoding.segment("a/b c") == "a%2Fb%20c")
        #expect(PathEncoding.segment("cthr_AZaz09-._~") == "cthr_AZaz09-._~")
        #expect(PathEncoding.segment("é") == "%C3%A9")
        #expect(PathEncoding.segment("日本") == "%E6%97%A5%E6%9C%AC")
        #expect(PathEncoding.segment("🙂") == "%F0%9F%99%82")
        #expect(PathEncoding.segment("?#%+&=") == "%3F%23%25%2B%26%3D")
        #expect(PathEncoding.segment("..") == "%2E%2E")  // a dot segment would be resolved on the wire
        #expect(PathEncoding.segment(".") == "%2E")
        #expect(PathEncoding.segment("a..b") == "a..b")
        #expect(PathEncoding.segment("") == "")
    }

    @Test func queryBuilderRendersAndSkipsNil() {
        var query = QueryBuilder()
        query.add("after", "cthr_1")
        query.add("before", nil as String?)
        query.add("limit", 20)
        query.add("skip", nil as Int?)
        query.add("temperature", 0.5)
        query.add("ratio", 2.0)
        query.add("stream", true)
        query.add("verbose", false)
        query.add("order", Status.active)
        query.add("status", nil as Status?)
        query.add("include[]", ["a", "b"])
        #expect(query.items.map { "\($0.name)=\($0.value)" } == [
            "after=cthr_1", "limit=20", "temperature=0.5", "ratio=2", "stream=true", "verbose=false",
            "order=active", "include[]=a", "include[]=b",
        ])
    }

    @Test func queryIsPercentEncodedIntoTheURL() throws {
        var query = QueryBuilder()
        query.add("q", "a b+c&d=e#f/é")
        query.add("k y", "1")
        let client = makeClient(URL(string: "https://api.example.com/")!)
        let request = try client.makeHTTPRequest(EndpointRequest(method: "GET", path: "/v1/x", query: query.items))
        #expect(request.url.absoluteString == "https://api.example.com/v1/x?q=a%20b%2Bc%26d%3De%23f%2F%C3%A9&k%20y=1")
    }

    @Test func baseURLPathIsKept() throws {
        let client = makeClient(URL(string: "http://127.0.0.1:1/proxy/")!)
        let request = try client.makeHTTPRequest(EndpointRequest(method: "GET", path: "/v1/things"))
        #expect(request.url.absoluteString == "http://127.0.0.1:1/proxy/v1/things")
    }
}
