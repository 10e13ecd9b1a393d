package io.github.fmnist.bench.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One progress line on the terminal. On a TTY it redraws a bar in place with a carriage return; otherwise
 * (logs, CI) it prints a plain line now and then, so logs stay readable.
 */
public final class ProgressLine {
    private static final int BAR_WIDTH = 28;
    private static final long MIN_REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;
    private int lastPlainDecile = -1;
    private boolean open;

    /**
     * @param out         where to draw (stderr, so stdout stays machine-readable)
     * @param interactive whether {@code out} is a terminal
     */
    public ProgressLine(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Whether the JVM runs attached to a terminal. */
    public static boolean terminalAttached() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** Shows {@code done} of {@code total} units of {@code label} with a short status text. */
    public void update(String label, long done, long total, String status) {
        update(label, done, total, status, false);
    }

    /**
     * As {@link #update(String, long, long, String)}; a {@code milestone} (an epoch's end) is always printed as
     * its own line when the output is not a terminal.
     */
    public synchronized void update(String label, long done, long total, String status, boolean milestone) {
        double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        if (interactive) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < MIN_REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            out.print("\r\033[K" + label + " [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3.0f%%", fraction * 100) + " " + status);
            out.flush();
            open = true;
        } else {
            int decile = (int) Math.floor(fraction * 10);
            if (milestone || decile != lastPlainDecile && (decile % 5 == 0 || done >= total)) {
                lastPlainDecile = decile;
                out.println(label + " " + String.format(Locale.ROOT, "%3.0f%%", fraction * 100) + " " + status);
            }
        }
    }

    /** Prints a message on its own line (ending any bar first). */
    public synchronized void message(String text) {
        end();
        out.println(text);
        out.flush();
    }

    /** Ends the current bar so later output starts on a fresh line. */
    public synchronized void end() {
        if (open) {
            out.println();
            open = false;
        }
        lastPlainDecile = -1;
    }
}
