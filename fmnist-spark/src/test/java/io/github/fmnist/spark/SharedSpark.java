package io.github.fmnist.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of this module's tests (starting Spark costs seconds): {@code local[2]}, no UI, bound to
 * the loopback interface. Spark's own shutdown hook stops it when the test JVM exits.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("fmnist-spark tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
        }
        return session;
    }
}
