package io.github.fmnist.bench.results;

/** How far a model got in a bench run; {@link #jsonName()} is what results.json records. */
public enum ModelStatus {
    /** Trained, evaluated and saved. */
    COMPLETE("complete"),
    /** Training or evaluation started but was interrupted (Ctrl-C) before the model was finished. */
    PARTIAL("partial"),
    /** Training or evaluation threw an error. */
    FAILED("failed"),
    /** Not run: its plugin is not on the class path, or the run was interrupted before it. */
    SKIPPED("skipped");

    private final String jsonName;

    ModelStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
