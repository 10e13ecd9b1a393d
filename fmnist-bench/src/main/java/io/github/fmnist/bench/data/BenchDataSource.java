package io.github.fmnist.bench.data;

/**
 * Supplies the data of a bench run. The app binds {@link FashionMnistSource}; only tests bind anything else.
 */
public interface BenchDataSource {

    /**
     * Loads the data.
     *
     * @throws io.github.fmnist.api.DataUnavailableException if it cannot be found
     */
    BenchData load();
}
