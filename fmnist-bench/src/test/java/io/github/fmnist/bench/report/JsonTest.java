package io.github.fmnist.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedValuesInInsertionOrder() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("b", 1);
        tree.put("a", List.of(0.5, 2.0));
        tree.put("c", Map.of());
        tree.put("d", Arrays.asList("x", null, true));
        assertEquals("{\"b\":1,\"a\":[0.5,2.0],\"c\":{},\"d\":[\"x\",null,true]}", Json.compact(tree));
        assertEquals("{\n  \"b\": 1,\n  \"a\": [0.5, 2.0],\n  \"c\": {},\n  \"d\": [\n    \"x\",\n    null,\n    true\n  ]\n}\n",
                Json.write(tree));
    }

    @Test
    void escapesStringsSafelyForHtmlEmbedding() {
        assertEquals("\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u0026\\u0001\"", Json.compact("a\"b\\c\n</script>&\u0001"));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("[null,null,1.0E-7]", Json.compact(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1e-7)));
    }

    @Test
    void rejectsUnknownTypes() {
        assertThrows(IllegalArgumentException.class, () -> Json.compact(new Object()));
    }
}
