package io.webpubsub.mp.impl.json;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

/**
 * The library's one JSON codec, on the runtime's Jakarta JSON Processing (JSON-P) implementation. Parsing is strict
 * beyond what JSON-P promises: at most {@value #MAX_DEPTH} levels of nesting and no duplicate member names, with
 * errors that give the character offset and never echo the input.
 */
public final class JsonCodec {

    /** The deepest nesting of objects and arrays that {@link #parse} accepts. */
    public static final int MAX_DEPTH = 64;

    private JsonCodec() {
    }

    /**
     * Parses one JSON value that makes up the whole text.
     *
     * @param text the JSON text
     * @return the value
     * @throws IllegalArgumentException naming the problem and its offset, e.g. {@code syntax error at offset 7}
     * @throws IllegalStateException when the runtime has no JSON-P implementation
     */
    public static JsonValue parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("unexpected end of input at offset " + text.length());
        }
        try (JsonParser parser = provider().createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw error("unexpected end of input", parser);
            }
            JsonValue value = value(parser, parser.next(), 0);
            if (parser.hasNext()) {
                throw error("unexpected text after the JSON value", parser);
            }
            return value;
        } catch (JsonParsingException e) {
            long offset = Math.max(0, Math.min(text.length(), e.getLocation().getStreamOffset()));
            throw new IllegalArgumentException("syntax error at offset " + offset);
        } catch (JsonException e) {
            throw new IllegalArgumentException("unreadable JSON");
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth + 1);
            case START_ARRAY -> array(parser, depth + 1);
            case VALUE_STRING -> provider().createValue(parser.getString());
            case VALUE_NUMBER -> provider().createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw error("unexpected " + event, parser);
        };
    }

    private static JsonValue object(JsonParser parser, int depth) {
        checkDepth(parser, depth);
        JsonObjectBuilder object = provider().createObjectBuilder();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event event = next(parser); event != JsonParser.Event.END_OBJECT; event = next(parser)) {
            String name = parser.getString();
            if (!names.add(name)) {
                throw error("duplicate member '" + name + "'", parser);
            }
            object.add(name, value(parser, next(parser), depth));
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        checkDepth(parser, depth);
        JsonArrayBuilder array = provider().createArrayBuilder();
        for (JsonParser.Event event = next(parser); event != JsonParser.Event.END_ARRAY; event = next(parser)) {
            array.add(value(parser, event, depth));
        }
        return array.build();
    }

    private static JsonParser.Event next(JsonParser parser) {
        if (!parser.hasNext()) {
            throw error("unexpected end of input", parser);
        }
        return parser.next();
    }

    private static void checkDepth(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels", parser);
        }
    }

    private static IllegalArgumentException error(String problem, JsonParser parser) {
        return new IllegalArgumentException(problem + " at offset " + parser.getLocation().getStreamOffset());
    }

    /**
     * Writes a value as compact JSON.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = provider().createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    /** @return a builder for a JSON object */
    public static JsonObjectBuilder object() {
        return provider().createObjectBuilder();
    }

    /** @return a builder for a JSON array */
    public static JsonArrayBuilder array() {
        return provider().createArrayBuilder();
    }

    /**
     * @param values strings, numbers, booleans or JSON values
     * @return a builder for a JSON array holding them
     */
    public static JsonArrayBuilder array(Collection<?> values) {
        return provider().createArrayBuilder(values);
    }

    private static volatile JsonProvider provider;

    /** Looked up once, because {@code JsonProvider.provider()} searches the class path on every call. */
    private static JsonProvider provider() {
        JsonProvider found = provider;
        if (found == null) {
            try {
                found = JsonProvider.provider();
            } catch (JsonException e) {
                throw new IllegalStateException("No Jakarta JSON Processing (JSON-P) implementation is available:"
                        + " add one to the application, e.g. org.eclipse.parsson:parsson (Quarkus: quarkus-jsonp)");
            }
            provider = found;
        }
        return found;
    }
}
