package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import smile.classification.RandomForest;
import smile.math.MathEx;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;

/**
 * A trained random forest as flat arrays, with its own inference: Smile 6.3 offers no way to build a
 * {@code DecisionTree} from parameters (its only constructor trains), so fmnist walks the trees itself. Each
 * tree is its nodes in pre-order: a split holds a pixel index, a threshold ({@code x ≤ t} goes to the first child)
 * and the indices of its two children, always after its own, so a walk ends within the tree's node count; a leaf
 * holds its class counts. The probabilities are computed exactly as Smile's {@code RandomForest.predict(x, p)} does
 * (a leaf's {@code (count + 1) / (n + k)}, summed with each tree's out-of-bag weight, then divided by the L1 norm),
 * and {@code ForestModelTest} checks that they equal Smile's, bit for bit, on real test images.
 *
 * <p>Payload: the tree count, then per tree its weight, its node count, and its nodes: a kind byte (0 split, 1
 * leaf); a split's pixel (int), threshold (double), first and second child (ints); a leaf's number of classes
 * with a non-zero count (byte), then each such class (byte, increasing) and its count (int). Immutable and
 * thread-safe.
 */
final class ForestModel {
    /** Most trees: the trees hyperparameter's maximum. */
    static final int MAX_TREES = 10_000;
    /** Most nodes in one tree (twice the max-nodes hyperparameter's maximum leaves). */
    static final int MAX_NODES = 20_000_000;
    private static final int SPLIT = 0;
    private static final int LEAF = 1;
    private static final int K = FashionClass.COUNT;

    private final Tree[] trees;

    private ForestModel(Tree[] trees) {
        this.trees = trees;
    }

    /**
     * One tree. {@code feature[i]} is −1 for a leaf, whose class counts are {@code leafCount[i]} and probabilities
     * {@code leafProbability[i]}.
     */
    private record Tree(double weight, int[] feature, double[] threshold, int[] first, int[] second, int[][] leafCount,
                        double[][] leafProbability) {
        static Tree of(double weight, int[] feature, double[] threshold, int[] first, int[] second, int[][] leafCount) {
            double[][] probability = new double[leafCount.length][];
            for (int i = 0; i < leafCount.length; i++) {
                if (leafCount[i] != null) {
                    probability[i] = DecisionNode.posteriori(leafCount[i], new double[K]);
                }
            }
            return new Tree(weight, feature, threshold, first, second, leafCount, probability);
        }

        double[] leaf(double[] x) {
            int i = 0;
            while (feature[i] >= 0) {
                i = x[feature[i]] <= threshold[i] ? first[i] : second[i];
            }
            return leafProbability[i];
        }
    }

    /** Number of trees. */
    int size() {
        return trees.length;
    }

    /** The class probabilities of one pixel row, into {@code posteriori}. */
    void posterior(double[] x, double[] posteriori) {
        Arrays.fill(posteriori, 0.0);
        for (Tree tree : trees) {
            double[] prob = tree.leaf(x);
            for (int i = 0; i < K; i++) {
                posteriori[i] += tree.weight() * prob[i];
            }
        }
        MathEx.unitize1(posteriori);
    }

    /** The numbers of a Smile forest trained on the 784 pixel columns. */
    static ForestModel of(RandomForest forest) {
        if (forest.numClasses() != K) {
            throw new UnsupportedFeatureException("only a ten-class forest can be stored, found " + forest.numClasses());
        }
        RandomForest.Model[] models = forest.models();
        Tree[] trees = new Tree[models.length];
        for (int t = 0; t < models.length; t++) {
            trees[t] = flatten(models[t].tree().root(), models[t].weight());
        }
        return new ForestModel(trees);
    }

    private static Tree flatten(Node root, double weight) {
        List<Node> order = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) { // pre-order, first child first
            Node node = pending.pop();
            order.add(node);
            if (node instanceof InternalNode split) {
                pending.push(split.falseChild());
                pending.push(split.trueChild());
            }
        }
        int n = order.size();
        java.util.IdentityHashMap<Node, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(order.get(i), i);
        }
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] first = new int[n];
        int[] second = new int[n];
        int[][] leaf = new int[n][];
        for (int i = 0; i < n; i++) {
            Node node = order.get(i);
            if (node instanceof OrdinalNode split) {
                feature[i] = split.feature();
                threshold[i] = SmileInternals.doubleField(split, OrdinalNode.class, "value");
                first[i] = index.get(split.trueChild());
                second[i] = index.get(split.falseChild());
            } else if (node instanceof DecisionNode decision && decision.count().length == K) {
                feature[i] = -1;
                leaf[i] = decision.count().clone();
            } else {
                throw new UnsupportedFeatureException("forest node " + node.getClass().getName()
                        + " cannot be stored; fmnist stores ordinal splits on pixels and ten-class leaves");
            }
        }
        return Tree.of(weight, feature, threshold, first, second, leaf);
    }

    /** Writes the forest (see the class comment). */
    void write(PayloadWriter out) throws IOException {
        out.count(trees.length);
        for (int t = 0; t < trees.length; t++) {
            Tree tree = trees[t];
            out.doubleValue(tree.weight());
            out.count(tree.feature().length);
            for (int i = 0; i < tree.feature().length; i++) {
                if (tree.feature()[i] >= 0) {
                    out.byteValue(SPLIT);
                    out.intValue(tree.feature()[i]);
                    out.doubleValue(tree.threshold()[i]);
                    out.intValue(tree.first()[i]);
                    out.intValue(tree.second()[i]);
                } else {
                    int[] c = tree.leafCount()[i];
                    int nonZero = 0;
                    for (int v : c) {
                        nonZero += v > 0 ? 1 : 0;
                    }
                    out.byteValue(LEAF);
                    out.byteValue(nonZero);
                    for (int cls = 0; cls < K; cls++) {
                        if (c[cls] > 0) {
                            out.byteValue(cls);
                            out.intValue(c[cls]);
                        }
                    }
                }
            }
        }
    }

    /** Reads a forest written by {@link #write}. */
    static ForestModel read(PayloadReader in) {
        int n = in.count("trees", MAX_TREES, Double.BYTES + Integer.BYTES + 2);
        if (n < 1) {
            throw in.fail(in.offset() - 4, "expected at least one tree, found 0");
        }
        Tree[] trees = new Tree[n];
        for (int t = 0; t < n; t++) {
            trees[t] = readTree(in, t);
        }
        in.requireEnd();
        return new ForestModel(trees);
    }

    private static Tree readTree(PayloadReader in, int t) {
        String tree = "tree " + t;
        long at = in.offset();
        double weight = in.finiteDouble("weight of " + tree);
        if (weight < 0) {
            throw in.fail(at, "expected a non-negative weight of " + tree + ", found " + weight);
        }
        int n = in.count("nodes of " + tree, MAX_NODES, 2);
        if (n < 1) {
            throw in.fail(in.offset() - 4, "expected at least one node in " + tree + ", found 0");
        }
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] first = new int[n];
        int[] second = new int[n];
        int[][] leaf = new int[n][];
        for (int i = 0; i < n; i++) {
            // Constant descriptions: a forest has millions of nodes, and the offset in an error locates the node.
            if (in.byteValue("node kind (0 split, 1 leaf)", SPLIT, LEAF) == SPLIT) {
                feature[i] = in.intValue("pixel of a split", 0, Image.PIXELS - 1);
                threshold[i] = in.finiteDouble("threshold of a split");
                // Children come after their parent: every walk moves forward and ends within n steps.
                first[i] = in.intValue("first child (after the node, within its tree)", i + 1, n - 1);
                second[i] = in.intValue("second child (after the node, within its tree)", i + 1, n - 1);
            } else {
                feature[i] = -1;
                leaf[i] = readCounts(in);
            }
        }
        return Tree.of(weight, feature, threshold, first, second, leaf);
    }

    private static int[] readCounts(PayloadReader in) {
        int nonZero = in.byteValue("number of classes in a leaf", 0, K);
        int[] count = new int[K];
        int previous = -1;
        long total = 0;
        for (int c = 0; c < nonZero; c++) {
            int cls = in.byteValue("class in a leaf (increasing)", previous + 1, K - 1);
            long at = in.offset();
            count[cls] = in.intValue("count of a class in a leaf", 1, Integer.MAX_VALUE);
            total += count[cls];
            if (total > Integer.MAX_VALUE) {
                throw in.fail(at, "expected leaf counts summing to at most " + Integer.MAX_VALUE + ", found " + total);
            }
            previous = cls;
        }
        return count;
    }
}
