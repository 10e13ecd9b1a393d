/**
 * Fashion-MNIST classification on Apache Spark: {@link io.github.fmnist.spark.SparkPhotoClassifier} classifies a
 * folder of pictures (Spark's {@code binaryFile} source) or any DataFrame with a binary column, with a model named by
 * {@link io.github.fmnist.spark.ModelSource}; {@link io.github.fmnist.spark.ClassifyPictures} is the
 * {@code spark-submit} main behind it.
 */
package io.github.fmnist.spark;
