/**
 * Loading Fashion-MNIST: {@link io.github.fmnist.data.FashionMnist} finds the four IDX files (a configured
 * directory, the user cache, the Debian package) or downloads them, verifies their checksums and returns
 * {@link io.github.fmnist.data.FashionMnistData}.
 *
 * <pre>{@code
 * FashionMnistData data = FashionMnist.load();
 * TrainValidationSplit split = StratifiedSplit.split(data.train(), 0.1, 42L);
 * }</pre>
 *
 * <p>Sub-packages: {@code idx} (the file format), {@code split} (stratified split and sampling), {@code batch}
 * (seeded mini-batches), {@code augment} (augmentation), {@code imageio} (importing ordinary images, exporting PNG).
 */
package io.github.fmnist.data;
