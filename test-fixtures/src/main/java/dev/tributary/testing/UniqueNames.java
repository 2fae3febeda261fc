package dev.tributary.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Names that no other test class, and no earlier run against the same server, has used. */
final class UniqueNames {

    private UniqueNames() {
    }

    /** {@code prefix} followed by 12 random lowercase hex digits. */
    static String withRandomSuffix(String prefix) {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }
}
