/**
 * The embedded Cloud Controller: CF's API at the HTTP level (paths, status codes, field names
 * and order, pagination and error objects as documented for CC v3, plus the v2 info endpoint).
 * It trusts tokens signed by the embedded UAA, verified in-process with the UAA's public key.
 * Authorization is applied to every {@code /v3} request in one place, {@link vigil.sim.api.AccessControl},
 * from the caller's roles; new endpoints are covered without code of their own.
 */
package vigil.sim.api;
