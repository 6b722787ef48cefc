/**
 * The embedded UAA: the OAuth token endpoint (password, client_credentials and refresh_token
 * grants) issuing RS256-signed JWTs shaped like real UAA tokens, the verification keys, and the
 * small info documents clients read, and SCIM {@code /Users} to add and remove users. One identity zone ({@code uaa}) with the CF admin user and
 * the {@code cf} and {@code admin} clients.
 */
package vigil.sim.uaa;
