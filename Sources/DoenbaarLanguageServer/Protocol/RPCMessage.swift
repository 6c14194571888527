/// A JSON-RPC 2.0 message as the server sees it.
public enum RPCMessage: Equatable {
    /// A request: it gets exactly one response with the same id.
    case request(id: JSON, method: String, params: JSON)
    /// A notification: no response.
    case notification(method: String, params: JSON)
    /// A response to a request of the server's own (the server sends none; ignored).
    case response(id: JSON)
    /// Not a valid message; the id, if one could be read, for the error response.
    case invalid(id: JSON, reason: String)

    public init(_ json: JSON) {
        guard case .object(let members) = json else {
            self = .invalid(id: .null, reason: "een bericht is een JSON-object")
            return
        }
        let id = members["id"]
        if let id, !RPCMessage.isValidID(id) {
            self = .invalid(id: .null, reason: "id moet een getal of een tekst zijn")
            return
        }
        guard let method = members["method"] else {
            if let id, members["result"] != nil || members["error"] != nil {
                self = .response(id: id)
            } else {
                self = .invalid(id: id ?? .null, reason: "bericht zonder 'method'")
            }
            return
        }
        guard let name = method.string else {
            self = .invalid(id: id ?? .null, reason: "'method' moet een tekst zijn")
            return
        }
        let params = members["params"] ?? .null
        if let id { self = .request(id: id, method: name, params: params) } else { self = .notification(method: name, params: params) }
    }

    static func isValidID(_ id: JSON) -> Bool {
        switch id {
        case .string: return true
        case .number: return id.int != nil
        default: return false
        }
    }
}

/// Error codes of JSON-RPC and LSP.
public enum RPCError: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
}

/// The messages the server sends.
public enum Outgoing {
    public static func result(id: JSON, _ result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    public static func error(id: JSON, _ code: RPCError, _ message: String) -> JSON {
        ["jsonrpc": "2.0", "id": id, "error": ["code": JSON(code.rawValue), "message": .string(message)]]
    }

    public static func notification(_ method: String, _ params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
