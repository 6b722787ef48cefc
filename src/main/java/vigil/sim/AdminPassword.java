package vigil.sim;

import java.security.SecureRandom;

/**
 * Generates the admin password when none is given. Letters and digits only: the password is also
 * the admin client's secret, and such a secret survives HTTP Basic auth whether or not a client
 * form-encodes it first, and YAML without quoting questions.
 */
final class AdminPassword {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminPassword() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
