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
 * ({@code m0.}, {@code m1.}, ...; {@code m0.flip.} for the copy on the mirrored image), all reading the same
 * input (or the one {@code flip} node), and a {@code vote} node averaging their probabilities with the weights.
 */
final class EnsembleDescription {
    static final String FLIP = "flip";
    static final String VOTE = "vote";

    private EnsembleDescription() {
    }

    static NetworkDescription of(String name, List<Classifier> members, double[] weights, boolean flip) {
        List<NetworkNode> nodes = new ArrayList<>();
        if (flip) {
            nodes.add(NetworkNode.of(FLIP, new Layer.FlipHorizontal(), NetworkDescription.INPUT));
        }
        List<String> votes = new ArrayList<>();
        List<Float> voteWeights = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            NetworkDescription member = members.get(m).unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            names.add(member.name());
            votes.add(copy(member, "m" + m + ".", NetworkDescription.INPUT, nodes));
            voteWeights.add((float) (flip ? weights[m] / 2 : weights[m]));
            if (flip) {
                votes.add(copy(member, "m" + m + ".flip.", FLIP, nodes));
                voteWeights.add((float) (weights[m] / 2));
            }
        }
        float[] w = new float[voteWeights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = voteWeights.get(i);
        }
        nodes.add(new NetworkNode(VOTE, new Layer.ProbabilityAverage(w), votes));
        return new NetworkDescription(name + "(" + String.join("+", names) + (flip ? ", flip" : "") + ")", nodes, VOTE);
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
