// Generated code and apps import only this module: the types it shares with the compiler
// (`RouteRow`, `GraphPermission`, `PathTemplate`…) come with it.
@_exported import RouteSpecShared
