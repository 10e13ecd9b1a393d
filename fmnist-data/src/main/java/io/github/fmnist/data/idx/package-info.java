/**
 * Reading and writing the IDX format of (Fashion-)MNIST: {@link io.github.fmnist.data.idx.IdxImageReader},
 * {@link io.github.fmnist.data.idx.IdxLabelReader} (raw or gzip, validated, typed errors naming file and offset)
 * and {@link io.github.fmnist.data.idx.IdxWriter}.
 *
 * <pre>{@code
 * ImageBatch images = IdxImageReader.read(dir.resolve("t10k-images-idx3-ubyte.gz"));
 * int[] labels = IdxLabelReader.read(dir.resolve("t10k-labels-idx1-ubyte.gz"));
 * LabeledDataset test = LabeledDataset.of(images, labels);
 * }</pre>
 */
package io.github.fmnist.data.idx;
