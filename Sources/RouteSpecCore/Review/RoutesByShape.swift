extension APIOperation {
    /// The operation's routes by method and path shape (placeholders ignored), first one kept:
    /// how two versions of a page, or v1.0 and beta, are compared route by route.
    var routesByShape: [RouteShape: Route] {
        Dictionary(routes.map { (RouteShape(method: $0.method, path: $0.path), $0) }, uniquingKeysWith: { first, _ in first })
    }
}
