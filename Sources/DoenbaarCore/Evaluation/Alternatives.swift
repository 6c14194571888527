/// One way a declaration's value can be decided: an exception, or the rule itself.
public struct Alternative<Expression> {
    public let validity: Validity
    /// nil: always applies where valid.
    public let condition: Expression?
    public let body: Expression
    /// What decided a value, for traces: exception k (0, 1, ...) or `Decision.rule`.
    public let decision: Int8
}

/// What decided a value, besides exception k (0, 1, ...).
public enum Decision {
    public static let rule: Int8 = -1
    /// No alternative applied: the value is zero.
    public static let notApplicable: Int8 = -2
}

extension ValueDeclaration {
    /// How the value is decided, once for both engines: the alternatives in the
    /// order they are tried, the exceptions as written and then the rule. The
    /// first that is valid on the day and whose condition holds gives the
    /// value; when none does, the value is zero. The value is then settled
    /// (`ValueSemantics.settle`).
    public func alternatives<E, Failure: Error>(_ lower: (TypedExpr) throws(Failure) -> E) throws(Failure) -> [Alternative<E>] {
        var out: [Alternative<E>] = []
        for (k, x) in exceptions.enumerated() {
            out.append(Alternative(validity: x.validity, condition: try lower(x.condition), body: try lower(x.body), decision: Int8(clamping: k)))
        }
        out.append(Alternative(validity: validity, condition: try condition.map { c throws(Failure) in try lower(c) }, body: try lower(body),
                               decision: Decision.rule))
        return out
    }
}

extension Alternative: Sendable where Expression: Sendable {}
