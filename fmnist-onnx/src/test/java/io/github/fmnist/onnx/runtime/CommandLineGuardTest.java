package io.github.fmnist.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.MissingNativeLibraryException;
import org.junit.jupiter.api.Test;

class CommandLineGuardTest {

    @Test
    void aCommandLineLongEnoughToCrashOnnxRuntimeIsRefusedWithAdvice() {
        MissingNativeLibraryException e = assertThrows(MissingNativeLibraryException.class,
                () -> CommandLineGuard.check(CommandLineGuard.MAX_SAFE_COMMAND_LINE));
        assertTrue(e.getMessage().contains("3981 bytes") && e.getMessage().contains("@args.txt"), e.getMessage());
    }

    @Test
    void shorterCommandLinesPass() {
        assertDoesNotThrow(() -> CommandLineGuard.check(CommandLineGuard.MAX_SAFE_COMMAND_LINE - 1));
        assertDoesNotThrow(() -> CommandLineGuard.check());
    }
}
