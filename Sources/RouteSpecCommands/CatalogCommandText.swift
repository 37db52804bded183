import RouteSpecCore

/// The one-paragraph summary printed after a catalog check.
enum CatalogCommandText {
    static func summary(_ s: CatalogCheck.Summary) -> String {
        let unknown = s.unknownNames.count
        let suggested = s.suggestions.count
        return "routespec: catalog: \(unknown) permission names unknown to the catalog (\(suggested) with a suggestion); "
            + "\(s.routesCompared) routes found in the catalog, \(s.schemesDiffering) of \(s.schemesCompared) schemes list different permissions"
            + " (notes, shown with --verbose)\n"
    }
}
