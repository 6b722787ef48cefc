/**
 * The embedded CF ("sim"): a Cloud Controller and a UAA (and later a router, cells and admin
 * endpoints) that behave like real CF at the HTTP level, so that the harness, or any CF client,
 * reaches it exactly as it reaches a real CF. Only the CLI may use this package; {@link Sim} is
 * its entry point. {@link TestFaults} (from {@link Sim#testFaults()}) breaks it on purpose, for tests only,
 * so they can show that Vigil's scenarios catch a broken CF; nothing over HTTP or the CLI reaches it.
 */
package vigil.sim;
