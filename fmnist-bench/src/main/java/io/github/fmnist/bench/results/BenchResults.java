package io.github.fmnist.bench.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a bench run produced, in the order the models ran. Written to results.json after each model,
 * so the output folder always describes what has finished.
 *
 * @param profile     the profile name ({@code quick}, {@code full})
 * @param seed        the seed of the split, the subsets and every model
 * @param dataset     where the data came from
 * @param split       how it was split
 * @param environment the machine and software
 * @param models      one outcome per requested model
 * @param gallery     explanation figures, if any were made
 * @param state       whether the run is still going, finished, or was interrupted
 */
public record BenchResults(String profile, long seed, DatasetInfo dataset, SplitInfo split, EnvironmentInfo environment,
                           List<ModelOutcome> models, List<GalleryInfo> gallery, RunState state) {
    /**
     * Version of the results.json layout; bump on changes. 2: {@code environment.jobs}, the number of trainings
     * that could run at the same time.
     */
    public static final int SCHEMA_VERSION = 2;

    public BenchResults {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(environment, "environment");
        models = List.copyOf(models);
        gallery = List.copyOf(gallery);
        Objects.requireNonNull(state, "state");
    }

    /** The completed models, in run order. */
    public List<ModelOutcome.Completed> completed() {
        return models.stream().flatMap(m -> m.completed().stream()).toList();
    }

    /**
     * @param description e.g. "Fashion-MNIST (IDX files)"
     * @param source      the folder the files were read from
     * @param sha256      SHA-256 of each uncompressed file, by base name
     */
    public record DatasetInfo(String description, String source, Map<String, String> sha256) {
        public DatasetInfo {
            sha256 = Map.copyOf(sha256);
        }
    }

    /**
     * @param train       training examples used
     * @param validation  validation examples used
     * @param test        test examples evaluated
     * @param description how they were drawn
     */
    public record SplitInfo(int train, int validation, int test, String description) {
    }

    /**
     * @param fmnistVersion version of the fmnist libraries
     * @param java          Java runtime version
     * @param os            operating system and architecture
     * @param processors    available processors
     * @param ompThreads    OMP_NUM_THREADS, or "unset"
     * @param jobs          how many models could train at the same time; training times are wall times measured
     *                      under that concurrency, throughput was measured with nothing else running
     * @param startedAt     start of the run
     * @param elapsedSeconds wall time so far
     */
    public record EnvironmentInfo(String fmnistVersion, String java, String os, int processors, String ompThreads,
                                  int jobs, Instant startedAt, double elapsedSeconds) {
    }

    /**
     * @param modelId    the explained model
     * @param explainer  the explainer id
     * @param galleryPng the gallery figure, relative to the output folder
     * @param figures    single-image figures (original | heatmap | overlay), relative to the output folder
     */
    public record GalleryInfo(String modelId, String explainer, String galleryPng, List<String> figures) {
        public GalleryInfo {
            figures = List.copyOf(figures);
        }
    }

    /** Where the run stands. */
    public enum RunState {
        RUNNING("running"), FINISHED("finished"), INTERRUPTED("interrupted");

        private final String jsonName;

        RunState(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }
}
