package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import org.junit.jupiter.api.Test;
import smile.classification.RandomForest;
import smile.data.Tuple;

/** fmnist's own tree walk gives Smile's forest probabilities bit for bit, on real images. */
class ForestModelIT {
    @Test
    void ownInferenceEqualsSmilesOnRealTestImages() {
        FashionMnistData data = FashionMnist.load();
        LabeledDataset train = StratifiedSample.sample(data.train(), 2_000, 1L);
        LabeledDataset test = StratifiedSample.sample(data.test(), 1_000, 2L);
        int[] labels = TrainingData.labelsWithAllClasses(train, 1);
        RandomForest forest = new ForestTrainer(20, 10, 0, 50, 0, 1).fit(train, labels, 11L,
                new TrainingReporter("rf", TrainingListener.NONE));
        ForestModel own = ForestModel.of(forest);
        assertEquals(20, own.size());
        for (int i = 0; i < test.size(); i++) {
            double[] x = OneDotXBundles.pixels(test, i);
            double[] smile = new double[FashionClass.COUNT];
            forest.predict(Tuple.of(forest.schema(), x), smile);
            double[] mine = new double[FashionClass.COUNT];
            own.posterior(x, mine);
            assertArrayEquals(smile, mine, "image " + i);
        }
    }
}
