package io.github.fmnist.bench.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ProgressLine line(boolean interactive) {
        return new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), interactive);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What the terminal shows last on the current line: the text after the last carriage return. */
    private String lastDrawn() {
        String t = text();
        return t.substring(t.lastIndexOf('\r') + 1).replace("\033[K", "");
    }

    @Test
    void concurrentTasksShareOneTerminalLine() {
        ProgressLine line = line(true);
        line.update("cnn      train", 41, 100, "e3/12 loss 0.4123");
        line.update("resnet   train", 20, 100, "e2/18 loss 0.9000");
        assertEquals("cnn train [####------]  41% e3/12 | resnet train [##--------]  20% e2/18", lastDrawn());
        assertFalse(text().contains("\n"), "both bars are redrawn in place:\n" + text());

        line.message("   cnn trained in 12.0 s");
        assertTrue(text().contains("\r\033[K   cnn trained in 12.0 s\n"), "a message gets its own line: " + text());
        assertTrue(lastDrawn().startsWith("cnn train ["), "the bars are redrawn below the message: " + lastDrawn());

        line.end("cnn      train");
        assertTrue(lastDrawn().startsWith("resnet   train [####"), "a single task gets the wide bar: " + lastDrawn());
        assertTrue(lastDrawn().contains("e2/18 loss 0.9000"), "and its whole status: " + lastDrawn());
        line.end("resnet   train");
        assertTrue(text().endsWith("\n"), "the line ends when the last task does");
    }

    @Test
    void withoutATerminalEachTaskPrintsItsOwnLabelledLines() {
        ProgressLine line = line(false);
        line.update("cnn      train", 0, 10, "starting");
        line.update("resnet   train", 0, 10, "starting");
        line.update("cnn      train", 5, 10, "e1/2 loss 0.5", true);
        line.update("resnet   train", 3, 10, "e1/3 loss 0.7", true);
        line.update("cnn      train", 10, 10, "done in 1.0 s");
        List<String> lines = text().lines().toList();
        assertFalse(text().contains("\r"), "no carriage returns in logs");
        assertEquals(List.of("cnn      train   0% starting", "resnet   train   0% starting", "cnn      train  50% e1/2 loss 0.5",
                "resnet   train  30% e1/3 loss 0.7", "cnn      train 100% done in 1.0 s"), lines);
    }
}
