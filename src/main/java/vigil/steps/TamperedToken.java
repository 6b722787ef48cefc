package vigil.steps;

/** A JWT with one character of its signature changed: well-formed, but its signature no longer holds. */
final class TamperedToken {
    private TamperedToken() {
    }

    static String of(String jwt) {
        int signatureStart = jwt.lastIndexOf('.') + 1;
        if (signatureStart <= 0 || signatureStart >= jwt.length() - 2) {
            throw new IllegalArgumentException("not a signed JWT");
        }
        // The middle of the signature: its last character may only carry padding bits.
        int position = signatureStart + (jwt.length() - signatureStart) / 2;
        char replacement = jwt.charAt(position) == 'A' ? 'B' : 'A';
        return jwt.substring(0, position) + replacement + jwt.substring(position + 1);
    }
}
