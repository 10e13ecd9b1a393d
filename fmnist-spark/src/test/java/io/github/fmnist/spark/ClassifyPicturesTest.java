package io.github.fmnist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifyPicturesTest {
    @Test
    void fillsDefaults() {
        Map<String, String> o = ClassifyPictures.parse(new String[] {"--input", "in/*.jpg", "--output", "out"});
        assertEquals("in/*.jpg", o.get("--input"));
        assertEquals("resnet", o.get("--model"));
        assertEquals("3", o.get("--top"));
        assertEquals("256", o.get("--batch"));
        assertEquals("0", o.get("--threads"));
        assertFalse(o.containsKey("--overwrite"));
    }

    @Test
    void takesEveryOption() {
        Map<String, String> o = ClassifyPictures.parse(new String[] {"--output", "o", "--input", "i", "--model", "cnn",
                "--top", "5", "--batch", "64", "--threads", "4", "--overwrite"});
        assertEquals("cnn", o.get("--model"));
        assertEquals("5", o.get("--top"));
        assertEquals("64", o.get("--batch"));
        assertEquals("4", o.get("--threads"));
        assertTrue(o.containsKey("--overwrite"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertTrue(message("--input", "i").contains("--output is required"));
        assertTrue(message("--input", "i", "--output", "o", "--top").contains("--top needs a value"));
        assertTrue(message("--input", "i", "--output", "o", "--top", "three").contains("whole number"));
        assertTrue(message("--input", "i", "--output", "o", "--colour").contains("unknown option --colour"));
    }

    private static String message(String... args) {
        return assertThrows(InvalidInputException.class, () -> ClassifyPictures.parse(args)).getMessage();
    }
}
