package io.github.fmnist.classic;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import java.util.Arrays;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.model.cart.SplitRule;

/**
 * Grows Smile's random forest in batches of trees, merging them, so that progress is reported and
 * cancellation honoured between batches (Smile's own fit grows all trees in one parallel stream without
 * either). Every tree gets its own seed derived from the training seed and its index, so the forest is
 * the same whatever the batch size or number of cores.
 */
final class ForestTrainer {
    static final String LABEL = "label";

    private final int trees;
    private final int batch;
    private final int mtry;
    private final int maxDepth;
    private final int maxNodes;
    private final int nodeSize;

    ForestTrainer(int trees, int batch, int mtry, int maxDepth, int maxNodes, int nodeSize) {
        this.trees = trees;
        this.batch = batch;
        this.mtry = mtry;
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
        this.nodeSize = nodeSize;
    }

    RandomForest fit(LabeledDataset train, int[] labels, long seed, TrainingReporter reporter) {
        DataFrame data = frame(train).add(new IntVector(LABEL, labels));
        Formula formula = Formula.lhs(LABEL);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) {
            seeds[t] = ClassicModels.taskSeed(seed, t);
        }
        RandomForest forest = null;
        reporter.progress("trees", 0, trees);
        for (int from = 0; from < trees; from += batch) {
            int size = Math.min(batch, trees - from);
            long[] batchSeeds = Arrays.copyOfRange(seeds, from, from + size);
            RandomForest part = RandomForest.fit(formula, data, new RandomForest.Options(size, mtry, SplitRule.GINI,
                    maxDepth, maxNodes, nodeSize, 1.0, null, batchSeeds, null));
            forest = forest == null ? part : forest.merge(part);
            reporter.progress("trees", from + size, trees);
        }
        return forest;
    }

    /** The pixels as a data frame of float columns {@code p0..p783}. */
    static DataFrame frame(LabeledDataset train) {
        int n = train.size();
        float[][] rows = new float[n][Image.PIXELS];
        for (int i = 0; i < n; i++) {
            train.images().writeNormalized(i, rows[i], 0);
        }
        return DataFrame.of(rows, columnNames());
    }

    static String[] columnNames() {
        String[] names = new String[Image.PIXELS];
        for (int j = 0; j < names.length; j++) {
            names[j] = "p" + j;
        }
        return names;
    }
}
