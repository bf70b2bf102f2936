/**
 * The built-in objects the bundle uses in hot loops, bound once inside the bundle (esbuild's `inject`:
 * scripts/build-apps-script.ts replaces every free `Math`, `Map`... with these). A free name is a lookup on
 * the global object on every use; where that object is not a plain one (a Node `vm` context answers each
 * lookup through an interceptor: 25x slower measured, bench/support/profile-dashboard.ts) the likelihood
 * loops of a fit spent most of their time finding `Math`. Bound here, the cost is the same everywhere.
 */
const scope = globalThis;
export const Math = scope.Math;
export const JSON = scope.JSON;
export const Object = scope.Object;
export const Array = scope.Array;
export const Number = scope.Number;
export const String = scope.String;
export const Boolean = scope.Boolean;
export const Map = scope.Map;
export const Set = scope.Set;
export const WeakMap = scope.WeakMap;
export const Date = scope.Date;
export const RegExp = scope.RegExp;
export const Error = scope.Error;
export const Symbol = scope.Symbol;
export const Reflect = scope.Reflect;
export const Int32Array = scope.Int32Array;
export const Float64Array = scope.Float64Array;
export const isFinite = scope.isFinite;
export const isNaN = scope.isNaN;
export const parseInt = scope.parseInt;
export const parseFloat = scope.parseFloat;
