package io.webpubsub.mp.impl.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "a\"b\\c/\n\u00e9\ud83d\ude00");
        expected.put("n", new BigDecimal("-1.5e3"));
        expected.put("i", new BigDecimal("0"));
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", Json.NULL);
        expected.put("a", List.of(List.of(), Map.of()));
        assertEquals(expected, Json.parse(
                " {\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\",\"n\":-1.5e3,\"i\":0,\"t\":true,\"f\":false,"
                        + "\"z\":null,\"a\":[[],{}]} "));
        assertSame(Json.NULL, Json.parse("null"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|unexpected end of input at offset 0",
        "{|unexpected end of input at offset 1",
        "{\"a\":1,}|expected a member name at offset 7",
        "{\"a\":1,\"a\":2}|duplicate member 'a' at offset 12",
        "[1,]|unexpected character ']' at offset 3",
        "01|unexpected text after the JSON value at offset 1",
        "1.|expected a digit at offset 2",
        "-|expected a digit at offset 1",
        "\"a|unterminated string at offset 2",
        "\"\\x\"|invalid escape '\\x' at offset 3",
        "\"\\u12\"|truncated \\u escape at offset 3",
        "tru|unexpected character 't' at offset 0",
        "{} {}|unexpected text after the JSON value at offset 3",
        "{'a':1}|expected a member name at offset 1"})
    void rejectsMalformedJsonWithThePosition(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Json.parse(text)).getMessage());
    }

    @Test
    void rejectsControlCharactersAndDeepNesting() {
        assertEquals("control character in a string at offset 2",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("\"a\u0001\"")).getMessage());
        assertEquals("nested deeper than 64 levels at offset 65",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(100))).getMessage());
    }

    @Test
    void writesCompactJsonThatReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "q\"\\\n\t\u0001é");
        value.put("list", List.of("a", 1, true));
        value.put("none", null);
        String json = Json.write(value);
        assertEquals("{\"text\":\"q\\\"\\\\\\n\\t\\u0001é\",\"list\":[\"a\",1,true],\"none\":null}", json);
        assertEquals("q\"\\\n\t\u0001é", ((Map<?, ?>) Json.parse(json)).get("text"));
    }
}
