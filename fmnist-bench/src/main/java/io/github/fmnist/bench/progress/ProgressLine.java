package io.github.fmnist.bench.progress;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The progress line on the terminal, shared by everything that runs at once. On a TTY it redraws, in place
 * with a carriage return, one bar per running task (several trainings run side by side with {@code --jobs}),
 * all on one line: {@code cnn train [####------]  41% e3/12 | resnet train [##--------]  20% e2/18}. Otherwise
 * (logs, CI) each task prints a plain line, starting with its label, now and then, so logs stay readable.
 * Thread-safe: every method is synchronized.
 */
public final class ProgressLine {
    private static final int BAR_WIDTH = 28;
    private static final int SHARED_BAR_WIDTH = 10;
    private static final long MIN_REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    /** The running tasks' bars by label, in the order they started. */
    private final Map<String, Bar> bars = new LinkedHashMap<>();
    private final Map<String, Integer> lastPlainDecile = new LinkedHashMap<>();
    private long lastDraw;
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

    /** Shows {@code done} of {@code total} units of the task {@code label} with a short status text. */
    public void update(String label, long done, long total, String status) {
        update(label, done, total, status, false);
    }

    /**
     * As {@link #update(String, long, long, String)}; a {@code milestone} (an epoch's end) is always printed as
     * its own line when the output is not a terminal. When several tasks share the line, each shows only the
     * first word of its status, so put the essentials (e.g. {@code e3/12}) first.
     */
    public synchronized void update(String label, long done, long total, String status, boolean milestone) {
        double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        if (interactive) {
            boolean newTask = bars.put(label, new Bar(fraction, status)) == null;
            long now = System.nanoTime();
            if (!newTask && done < total && now - lastDraw < MIN_REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            draw();
        } else {
            int decile = (int) Math.floor(fraction * 10);
            int last = lastPlainDecile.getOrDefault(label, -1);
            if (milestone || decile != last && (decile % 5 == 0 || done >= total)) {
                lastPlainDecile.put(label, decile);
                out.println(label + " " + percent(fraction) + " " + status);
            }
        }
    }

    /** Prints a message on its own line; the running tasks' bars are redrawn below it. */
    public synchronized void message(String text) {
        if (open) {
            out.print("\r\033[K");
            open = false;
        }
        out.println(text);
        if (interactive && !bars.isEmpty()) {
            draw();
        }
        out.flush();
    }

    /**
     * Ends the task {@code label}: its bar leaves the line. When it was the last one, the line is ended so later
     * output starts on a fresh line (its final state stays visible).
     */
    public synchronized void end(String label) {
        lastPlainDecile.remove(label);
        if (bars.remove(label) == null || !open) {
            return;
        }
        if (bars.isEmpty()) {
            out.println();
            open = false;
        } else {
            draw();
        }
    }

    private void draw() {
        StringBuilder text = new StringBuilder("\r\033[K");
        boolean shared = bars.size() > 1;
        int width = shared ? SHARED_BAR_WIDTH : BAR_WIDTH;
        String separator = "";
        for (Map.Entry<String, Bar> e : bars.entrySet()) {
            Bar bar = e.getValue();
            int filled = (int) Math.round(bar.fraction() * width);
            String status = shared ? bar.status().strip().split("\\s+", 2)[0] : bar.status();
            String label = shared ? e.getKey().strip().replaceAll("\\s+", " ") : e.getKey();
            text.append(separator).append(label).append(" [").append("#".repeat(filled)).append("-".repeat(width - filled))
                    .append("] ").append(percent(bar.fraction())).append(' ').append(status);
            separator = " | ";
        }
        out.print(text);
        out.flush();
        open = true;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%3.0f%%", fraction * 100);
    }

    private record Bar(double fraction, String status) {
    }
}
