package io.github.fmnist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class ExecutorCoresTest {
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    @Test
    void executorCoresWin() {
        assertEquals(3, ExecutorCores.of(new SparkConf(false).set("spark.executor.cores", "3").set("spark.master", "local[1]")));
    }

    @Test
    void localModeUsesItsThreadCountUpToTheMachine() {
        assertEquals(1, ExecutorCores.of(new SparkConf(false).set("spark.master", "local[1]")));
        assertEquals(1, ExecutorCores.of(new SparkConf(false).set("spark.master", "local[1,4]")));
        assertEquals(PROCESSORS, ExecutorCores.of(new SparkConf(false).set("spark.master", "local[512]")));
        assertEquals(PROCESSORS, ExecutorCores.of(new SparkConf(false).set("spark.master", "local[*]")));
    }

    @Test
    void otherwiseTheMachine() {
        assertEquals(PROCESSORS, ExecutorCores.of(new SparkConf(false).set("spark.master", "yarn")));
        assertEquals(PROCESSORS, ExecutorCores.of(new SparkConf(false)));
    }
}
