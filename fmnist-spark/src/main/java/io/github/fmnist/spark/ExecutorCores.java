package io.github.fmnist.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/** How many cores the executor this code runs in was given. */
final class ExecutorCores {
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+)(?:,\\s*\\d+)?\\]");

    private ExecutorCores() {
    }

    /** This JVM's executor cores, from the running Spark environment, or every processor if there is none. */
    static int current() {
        SparkEnv env = SparkEnv.get();
        return env == null ? Runtime.getRuntime().availableProcessors() : of(env.conf());
    }

    /** {@code spark.executor.cores} if set, else N of a {@code local[N]} master, else every processor of this machine. */
    static int of(SparkConf conf) {
        int processors = Runtime.getRuntime().availableProcessors();
        if (conf.contains("spark.executor.cores")) {
            return Math.max(1, conf.getInt("spark.executor.cores", 1));
        }
        Matcher local = LOCAL.matcher(conf.get("spark.master", ""));
        if (local.matches() && !local.group(1).equals("*")) {
            return Math.max(1, Math.min(processors, Integer.parseInt(local.group(1))));
        }
        return processors;
    }
}
