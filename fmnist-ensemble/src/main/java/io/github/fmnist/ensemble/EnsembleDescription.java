package io.github.fmnist.ensemble;

import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One network description of an ensemble: every member's description with its node names prefixed
 * ({@code m0.}, {@code m1.}, ...; {@code m0.flip.} for the copy on the mirrored image, {@code m0.left1.},
 * {@code m0.flip.left1.} for the copies on the translated ones), reading the input or the one node computing each
 * view ({@code flip}; {@code left1} a fixed one-hot convolution, see {@link ImageShift#layer}; {@code flip.left1}), and
 * a {@code vote} node averaging their probabilities, each member's weight split equally over the views.
 */
final class EnsembleDescription {
    static final String FLIP = "flip";
    static final String VOTE = "vote";

    private EnsembleDescription() {
    }

    static NetworkDescription of(String name, List<Classifier> members, double[] weights, TestTimeViews testTimeViews) {
        List<NetworkNode> nodes = new ArrayList<>();
        List<TestTimeViews.View> views = testTimeViews.views();
        String input = NetworkDescription.INPUT;
        for (TestTimeViews.View view : views) {
            if (view.shifted() && !view.mirrored()) {
                nodes.add(NetworkNode.of(view.node(input), ImageShift.layer(view.dx(), view.dy()), input));
            }
        }
        for (TestTimeViews.View view : views) {
            if (view.mirrored()) {
                String source = new TestTimeViews.View(view.dx(), view.dy(), false).node(input);
                nodes.add(NetworkNode.of(view.node(input), new Layer.FlipHorizontal(), source));
            }
        }
        List<String> votes = new ArrayList<>();
        List<Float> voteWeights = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            NetworkDescription member = members.get(m).unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            names.add(member.name());
            for (TestTimeViews.View view : views) {
                votes.add(copy(member, "m" + m + "." + view.name(), view.node(input), nodes));
                voteWeights.add((float) (weights[m] / views.size()));
            }
        }
        float[] w = new float[voteWeights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = voteWeights.get(i);
        }
        nodes.add(new NetworkNode(VOTE, new Layer.ProbabilityAverage(w), votes));
        return new NetworkDescription(name + "(" + String.join("+", names) + (testTimeViews.flip() ? ", flip" : "")
                + (testTimeViews.shift() > 0 ? ", shift " + testTimeViews.shift() : "") + ")", nodes, VOTE);
    }

    /** Adds {@code member}'s nodes renamed with {@code prefix}, its input read from {@code input}; returns its logits' name. */
    private static String copy(NetworkDescription member, String prefix, String input, List<NetworkNode> into) {
        for (NetworkNode node : member.nodes()) {
            List<String> inputs = node.inputs().stream()
                    .map(in -> in.equals(NetworkDescription.INPUT) ? input : prefix + in).toList();
            into.add(new NetworkNode(prefix + node.name(), node.layer(), inputs));
        }
        return prefix + member.logits();
    }
}
