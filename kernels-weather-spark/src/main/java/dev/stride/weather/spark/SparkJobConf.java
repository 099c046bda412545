package dev.stride.weather.spark;

import org.apache.spark.SparkConf;

/**
 * The Spark configuration of the job. What it sets, unless the user already set it (for example with
 * {@code spark-submit --conf}):
 *
 * <ul>
 *   <li>{@code --add-modules=jdk.incubator.vector} for the executors: without it the Stride-compiled kernels run
 *       their scalar fallback (correct, slower). Spark adds its own JDK 25 options (the {@code --add-opens} list
 *       of {@code JavaModuleOptions}) to executors and to drivers it launches; a driver started by the launcher
 *       gets them from {@code kernels-weather-spark/jvm.options}.
 *   <li>In local mode, everything on loopback and no web UI: the driver binds 127.0.0.1 only.
 * </ul>
 */
final class SparkJobConf {

    /** The JVM option that makes the Vector API visible to the Stride-compiled kernels. */
    static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    private SparkJobConf() {}

    /**
     * Creates the configuration for a master.
     *
     * @param master a valid master URL
     * @return the configuration, with system properties ({@code spark.*}) applied
     */
    static SparkConf create(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setIfMissing("spark.app.name", "stride-weather-detect");
        String executorOptions = conf.get(EXECUTOR_OPTIONS, "");
        if (!executorOptions.contains("jdk.incubator.vector")) {
            conf.set(EXECUTOR_OPTIONS, (executorOptions + " " + VECTOR_MODULE).strip());
        }
        if (SparkMaster.isLocal(master)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }
}
