/**
 * The embedded CF ("sim"): a Cloud Controller and a UAA (and later a router, cells and admin
 * endpoints) that behave like real CF at the HTTP level, so that the harness, or any CF client,
 * reaches it exactly as it reaches a real CF. Only the CLI may use this package; {@link Sim} is
 * its entry point.
 */
package vigil.sim;
