/**
 * The test app itself: runs in its own JVM, uses the JDK only and no other Vigil package, because these
 * classes are all that {@link vigil.testapp.TestAppJar} packs. {@link vigil.testapp.app.TestApp} is the
 * main class; the endpoints are listed in the {@code vigil.testapp} package documentation.
 */
package vigil.testapp.app;
