package io.github.fmnist.api.eval;

import io.github.fmnist.api.FashionClass;
import java.util.Locale;

/** Text layout of scikit-learn's classification_report: right-aligned columns nine wide. */
final class ClassificationReport {
    private static final String WEIGHTED = "weighted avg";

    private ClassificationReport() {
    }

    static String render(Evaluation e, int digits) {
        int width = WEIGHTED.length();
        for (String name : FashionClass.displayNames()) {
            width = Math.max(width, name.length());
        }
        StringBuilder out = new StringBuilder();
        out.append(pad("", width)).append(' ');
        for (String h : new String[] {"precision", "recall", "f1-score", "support"}) {
            out.append(' ').append(pad(h, 9));
        }
        out.append("\n\n");
        for (ClassMetrics m : e.perClass()) {
            row(out, m.fashionClass().displayName(), width, digits, m.precision(), m.recall(), m.f1(), m.support());
        }
        out.append('\n');
        out.append(pad("accuracy", width)).append(' ')
                .append(' ').append(pad("", 9))
                .append(' ').append(pad("", 9))
                .append(' ').append(pad(fixed(e.accuracy(), digits), 9))
                .append(' ').append(pad(Integer.toString(e.size()), 9)).append('\n');
        AverageMetrics macro = e.macroAverage();
        row(out, "macro avg", width, digits, macro.precision(), macro.recall(), macro.f1(), macro.support());
        AverageMetrics weighted = e.weightedAverage();
        row(out, WEIGHTED, width, digits, weighted.precision(), weighted.recall(), weighted.f1(), weighted.support());
        return out.toString();
    }

    private static void row(StringBuilder out, String name, int width, int digits, double p, double r, double f, int support) {
        out.append(pad(name, width)).append(' ')
                .append(' ').append(pad(fixed(p, digits), 9))
                .append(' ').append(pad(fixed(r, digits), 9))
                .append(' ').append(pad(fixed(f, digits), 9))
                .append(' ').append(pad(Integer.toString(support), 9)).append('\n');
    }

    private static String fixed(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
