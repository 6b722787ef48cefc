package vigil.steps;

import java.util.Arrays;

/** A dotted version like {@code 3.180.0}, compared number by number. */
record VersionNumber(int[] parts) implements Comparable<VersionNumber> {

    static VersionNumber parse(String text) {
        String numeric = text.replaceFirst("[^0-9.].*$", "");
        if (numeric.isEmpty()) {
            throw new IllegalArgumentException("not a version number: '" + text + "'");
        }
        return new VersionNumber(Arrays.stream(numeric.split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    @Override
    public int compareTo(VersionNumber other) {
        return Arrays.compare(parts, other.parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionNumber v && Arrays.equals(parts, v.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return String.join(".", Arrays.stream(parts).mapToObj(Integer::toString).toList());
    }
}
