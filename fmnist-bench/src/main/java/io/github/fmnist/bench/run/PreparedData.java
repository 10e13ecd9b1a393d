package io.github.fmnist.bench.run;

import io.github.fmnist.api.DataOrigin;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.bench.data.BenchData;
import io.github.fmnist.bench.results.BenchResults.SplitInfo;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.data.split.StratifiedSplit;
import io.github.fmnist.data.split.TrainValidationSplit;
import java.util.Locale;

/**
 * The training, validation and test sets of a run, drawn reproducibly from the data by the profile and seed.
 *
 * @param train      what models train on
 * @param validation held out for per-epoch validation
 * @param test       what models are evaluated on
 * @param info       sizes and a description for the results
 */
public record PreparedData(LabeledDataset train, LabeledDataset validation, LabeledDataset test, SplitInfo info) {

    /** Draws the sets: an optional class-balanced pool, a stratified split of it, an optional test subset. */
    public static PreparedData draw(BenchData data, BenchProfile profile, long seed) {
        LabeledDataset pool = data.train();
        String poolText = "all " + pool.size() + " training images";
        if (profile.trainPoolSize() > 0 && profile.trainPoolSize() < pool.size()) {
            pool = StratifiedSample.sample(pool, profile.trainPoolSize(), seed);
            poolText = "a class-balanced sample of " + pool.size() + " of the " + data.train().size() + " training images";
        }
        TrainValidationSplit split = StratifiedSplit.split(pool, profile.validationFraction(), seed);
        LabeledDataset test = data.test();
        String testText = "all " + test.size() + " test images";
        if (profile.testSize() > 0 && profile.testSize() < test.size()) {
            test = StratifiedSample.sample(test, profile.testSize(), seed);
            testText = "a class-balanced sample of " + test.size() + " of the " + data.test().size() + " test images";
        }
        String description = String.format(Locale.ROOT,
                "%s, split stratified %d train / %d validation (seed %d); evaluated on %s",
                poolText, split.train().size(), split.validation().size(), seed, testText);
        DataOrigin origin = new DataOrigin(data.sha256(), description);
        return new PreparedData(split.train().withOrigin(origin), split.validation().withOrigin(origin), test,
                new SplitInfo(split.train().size(), split.validation().size(), test.size(), description));
    }
}
