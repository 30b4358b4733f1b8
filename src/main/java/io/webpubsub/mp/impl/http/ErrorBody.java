package io.webpubsub.mp.impl.http;

/**
 * Reads {@code code} and {@code message} from the service's JSON error body
 * ({@code {"code":"…","message":"…","target":…}}) without needing a JSON-P implementation at run time.
 */
final class ErrorBody {

    private ErrorBody() {
    }

    /**
     * The first string value of a member with the given name, or null.
     *
     * @param json the body
     * @param name the member name
     * @return the unescaped value, or null if absent or not a string
     */
    static String member(String json, String name) {
        if (json == null) {
            return null;
        }
        String quoted = "\"" + name + "\"";
        int at = json.indexOf(quoted);
        while (at >= 0) {
            int i = skipBlanks(json, at + quoted.length());
            if (i < json.length() && json.charAt(i) == ':') {
                i = skipBlanks(json, i + 1);
                return i < json.length() && json.charAt(i) == '"' ? string(json, i + 1) : null;
            }
            at = json.indexOf(quoted, at + 1);
        }
        return null;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String string(String s, int i) {
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\' || i >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        return out.toString();
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException bad) {
                        return out.toString();
                    }
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
