package io.github.fmnist.ensemble;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.registry.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ensemble's payload: {@value #VOTE_ENTRY} (member count, each member's entry name and normalised weight, the
 * flip and shift settings; plain {@code key=value} lines; a bundle from version 1.0 has no shift line and means no
 * shifts) and each member's whole bundle as {@code member-<i>.fmnist}.
 */
final class EnsembleBundle {
    static final String VOTE_ENTRY = "ensemble.properties";

    private EnsembleBundle() {
    }

    static void write(PayloadSink sink, EnsembleClassifier ensemble) throws IOException {
        List<Classifier> members = ensemble.members();
        double[] weights = ensemble.weights();
        StringBuilder vote = new StringBuilder();
        vote.append("members=").append(members.size()).append('\n');
        for (int i = 0; i < members.size(); i++) {
            vote.append("member.").append(i).append('=').append(entryName(i)).append('\n');
            vote.append("weight.").append(i).append('=').append(weights[i]).append('\n');
        }
        vote.append("flip-tta=").append(ensemble.views().flip()).append('\n');
        vote.append("shift-tta=").append(ensemble.views().shift()).append('\n');
        sink.write(VOTE_ENTRY, vote.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < members.size(); i++) {
            ModelBundle.writeNested(sink, entryName(i), members.get(i));
        }
    }

    private static String entryName(int member) {
        return "member-" + member + ModelBundle.EXTENSION;
    }

    /**
     * @throws IncompatibleModelException naming the bundle, entry and value if the vote entry is malformed or a
     *         member is missing
     * @throws io.github.fmnist.api.TamperedModelException if a member's bundle fails verification
     */
    static EnsembleClassifier load(ModelBundle bundle, ModelInfo info, PluginRegistry registry) {
        Map<String, String> vote = parse(bundle);
        int count = integer(bundle, vote, "members", 1, EnsembleSettings.MAX_MEMBERS);
        double[] weights = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = weight(bundle, vote, "weight." + i);
            total += weights[i];
        }
        for (int i = 0; i < count; i++) {
            weights[i] /= total;
        }
        boolean flip = Boolean.parseBoolean(require(bundle, vote, "flip-tta"));
        int shift = vote.containsKey("shift-tta") ? integer(bundle, vote, "shift-tta", 0, TestTimeViews.MAX_SHIFT) : 0;
        List<Classifier> members = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                String entry = require(bundle, vote, "member." + i);
                members.add(registry.load(bundle.readNested(entry)));
            }
            return new EnsembleClassifier(info, members, weights, new TestTimeViews(shift, flip));
        } catch (IOException e) {
            members.forEach(Classifier::close);
            throw new UncheckedIOException(bundle.path() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            members.forEach(Classifier::close);
            throw e;
        }
    }

    private static Map<String, String> parse(ModelBundle bundle) {
        String text = new String(bundle.readAllBytes(VOTE_ENTRY), StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                throw malformed(bundle, "line " + (i + 1), "key=value", lines[i]);
            }
            values.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
        }
        return values;
    }

    private static String require(ModelBundle bundle, Map<String, String> vote, String key) {
        String value = vote.get(key);
        if (value == null) {
            throw malformed(bundle, "key '" + key + "'", "a value", "none");
        }
        return value;
    }

    private static int integer(ModelBundle bundle, Map<String, String> vote, String key, int min, int max) {
        String text = require(bundle, vote, key);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(bundle, "key '" + key + "'", "an integer in [" + min + ", " + max + "]", text);
    }

    private static double weight(ModelBundle bundle, Map<String, String> vote, String key) {
        String text = require(bundle, vote, key);
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw malformed(bundle, "key '" + key + "'", "a positive finite number", text);
    }

    private static IncompatibleModelException malformed(ModelBundle bundle, String where, String expected, String found) {
        return new IncompatibleModelException(bundle.path() + ": payload entry '" + VOTE_ENTRY + "', " + where
                + ": expected " + expected + ", found '" + found + "'");
    }
}
