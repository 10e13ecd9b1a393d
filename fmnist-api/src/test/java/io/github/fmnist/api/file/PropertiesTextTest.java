package io.github.fmnist.api.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {
    @Test
    void writesSortedEscapedLinesThatPropertiesReadsBack() throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        entries.put("b.key", "line one\nline two = ü");
        entries.put("a key:with=separators", "#not a comment");
        String text = PropertiesText.write("a comment", entries);

        String[] lines = text.split("\n");
        assertEquals("# a comment", lines[0]);
        assertEquals(3, lines.length, text);
        assertEquals('a', lines[1].charAt(0), "entries keep the map's order");
        Properties read = new Properties();
        read.load(new StringReader(text));
        assertEquals(entries, new TreeMap<>(read));
    }

    @Test
    void aCommentOfTwoLinesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PropertiesText.write("one\ntwo", new TreeMap<>()));
    }
}
