package io.webpubsub.mp.impl.upstream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates {@code ce-signature} values for property tests: genuine ones (primary or secondary key, any hex or
 * prefix case, beside other entries) and forgeries (wrong or stale key, another connection's signature, truncated,
 * extended or altered hex, wrong prefix, empty, garbage, too many entries). {@link #genuine} is the oracle,
 * written independently of {@link SignatureVerifier}.
 */
final class Forgeries {

    static final String STALE_KEY = "rotated-out-key-0123456789abcdefghijklmnopqrstu";
    private static final String HEX = "0123456789abcdef";
    private static final String PRINTABLE = "abcdefABCDEF0123456789=-_:;+/ sha256SHA";

    private final Random random;
    private final List<String> keys;

    /** One generated case. */
    record Case(String kind, String connectionId, String header) {
    }

    Forgeries(long seed, List<String> keys) {
        this.random = new Random(seed);
        this.keys = keys;
    }

    Case next() {
        String id = connectionId();
        String good = SignatureVerifier.sign(keys.get(random.nextInt(keys.size())), id);
        return switch (random.nextInt(14)) {
            case 0 -> new Case("genuine", id, good);
            case 1 -> new Case("case change", id, flipCase(good));
            case 2 -> new Case("beside other entries", id, among(good));
            case 3 -> new Case("wrong key", id, SignatureVerifier.sign(randomKey(), id));
            case 4 -> new Case("stale key", id, SignatureVerifier.sign(STALE_KEY, id));
            case 5 -> new Case("other connection", id, SignatureVerifier.sign(keys.get(0), id + "x"));
            case 6 -> new Case("truncated", id, good.substring(0, 7 + random.nextInt(64)));
            case 7 -> new Case("extended", id, good + hex(1 + random.nextInt(8)));
            case 8 -> new Case("one digit changed", id, changeOneDigit(good));
            case 9 -> new Case("wrong prefix", id, List.of("sha1=", "sha256:", "", "sha512=", "sha256 =")
                    .get(random.nextInt(5)) + good.substring(7));
            case 10 -> new Case("empty or blank", id, List.of("", " ", ",", " , ").get(random.nextInt(4)));
            case 11 -> new Case("garbage", id, garbage(1 + random.nextInt(80)));
            case 12 -> new Case("forgeries only", id, String.join(",", forgedEntries(id, 1 + random.nextInt(4))));
            default -> new Case("too many entries", id, tooMany(good, id));
        };
    }

    /** The oracle: the documented contract, computed without the verifier. */
    boolean genuine(Case c) {
        String header = c.header();
        if (header == null || header.isBlank() || header.length() > SignatureVerifier.MAX_HEADER_LENGTH) {
            return false;
        }
        String[] entries = header.split(",", -1);
        if (entries.length > SignatureVerifier.MAX_ENTRIES) {
            return false;
        }
        List<String> expected = keys.stream().map(key -> SignatureVerifier.sign(key, c.connectionId())).toList();
        for (String entry : entries) {
            if (expected.stream().anyMatch(entry.trim()::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }

    private String connectionId() {
        return random.nextBoolean() ? "conn-" + Long.toHexString(random.nextLong()) : garbage(1 + random.nextInt(30))
                .replace(",", "").trim() + "id";
    }

    private String randomKey() {
        return Long.toString(random.nextLong(), 36) + "-key-" + Long.toString(random.nextLong(), 36);
    }

    private String flipCase(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private String among(String good) {
        List<String> entries = new ArrayList<>(forgedEntries("someone-else", random.nextInt(4)));
        entries.add(random.nextBoolean() ? good : " " + good + " ");
        Collections.shuffle(entries, random);
        return String.join(",", entries);
    }

    private List<String> forgedEntries(String id, int count) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(random.nextBoolean() ? SignatureVerifier.sign(randomKey(), id) : "sha256=" + hex(64));
        }
        return entries;
    }

    private String tooMany(String good, String id) {
        List<String> entries = new ArrayList<>(forgedEntries(id, SignatureVerifier.MAX_ENTRIES));
        entries.add(good);
        return String.join(",", entries);
    }

    private String changeOneDigit(String good) {
        int at = 7 + random.nextInt(64);
        char old = Character.toLowerCase(good.charAt(at));
        char replacement = HEX.charAt((HEX.indexOf(old) + 1 + random.nextInt(15)) % 16);
        return good.substring(0, at) + replacement + good.substring(at + 1);
    }

    private String hex(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(HEX.charAt(random.nextInt(16)));
        }
        return sb.toString();
    }

    private String garbage(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
        }
        return sb.toString();
    }
}
