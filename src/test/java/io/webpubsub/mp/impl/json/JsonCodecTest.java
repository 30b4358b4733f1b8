package io.webpubsub.mp.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecTest {

    @Test
    void parsesEveryKindOfValue() {
        JsonObject json = JsonCodec.parse(
                " {\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\",\"n\":-1.5e3,\"i\":0,\"t\":true,\"f\":false,"
                        + "\"z\":null,\"a\":[[],{}]} ").asJsonObject();
        assertEquals("a\"b\\c/\n\u00e9\ud83d\ude00", json.getString("s"));
        assertEquals(-1500, json.getJsonNumber("n").intValueExact());
        assertEquals(0, json.getInt("i"));
        assertEquals(List.of(true, false, true), List.of(json.getBoolean("t"), json.getBoolean("f"), json.isNull("z")));
        assertEquals("[[],{}]", JsonCodec.write(json.get("a")));
        assertEquals(JsonValue.ValueType.NULL, JsonCodec.parse("null").getValueType());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|unexpected end of input at offset 0",
        "{|syntax error at offset 1",
        "{\"a\":1,}|syntax error at offset 7",
        "{\"a\":1,\"a\":2}|duplicate member 'a' at offset 10",
        "[1,]|syntax error at offset 3",
        "01|syntax error at offset 2",
        "1.|syntax error at offset 1",
        "\"a|syntax error at offset 2",
        "\"\\x\"|syntax error at offset 2",
        "tru|syntax error at offset 3",
        "{} {}|syntax error at offset 3",
        "{'a':1}|syntax error at offset 1"})
    void rejectsMalformedJsonWithThePosition(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> JsonCodec.parse(text)).getMessage());
    }

    @Test
    void rejectsControlCharactersAndDeepNesting() {
        assertEquals("syntax error at offset 2",
                assertThrows(IllegalArgumentException.class, () -> JsonCodec.parse("\"a\u0001\"")).getMessage());
        assertEquals("nested deeper than 64 levels at offset 65",
                assertThrows(IllegalArgumentException.class, () -> JsonCodec.parse("[".repeat(100))).getMessage());
        JsonCodec.parse("[".repeat(64) + "]".repeat(64));
    }

    @Test
    void writesCompactJsonThatReadsBack() {
        JsonObject value = JsonCodec.object().add("text", "q\"\\\n\t\u0001é")
                .add("list", JsonCodec.array(List.of("a", 1, true))).addNull("none").build();
        String json = JsonCodec.write(value);
        assertEquals("{\"text\":\"q\\\"\\\\\\n\\t\\u0001é\",\"list\":[\"a\",1,true],\"none\":null}", json);
        assertEquals("q\"\\\n\t\u0001é", JsonCodec.parse(json).asJsonObject().getString("text"));
    }
}
