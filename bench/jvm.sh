# Sourced by the benches: the JVM flags the Makefile runs vigil.jar with (see JAVA_FLAGS there).
VIGIL_JAVA=(java ${JAVA_FLAGS--XX:TieredStopAtLevel=1})
