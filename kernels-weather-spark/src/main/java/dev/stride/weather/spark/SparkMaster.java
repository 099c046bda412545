package dev.stride.weather.spark;

import java.util.regex.Pattern;

/**
 * Checks a {@code --master} value before Spark is started, so a typo gets a one-line usage error instead of a
 * Spark stack trace. Accepts the master URLs Spark documents: {@code local}, {@code local[N]},
 * {@code local[*]}, {@code local[N,F]}, {@code local-cluster[N,C,M]}, {@code spark://HOST:PORT[,HOST:PORT]},
 * {@code yarn} and {@code k8s://URL}.
 */
final class SparkMaster {

    private static final Pattern VALID = Pattern.compile("local"
            + "|local\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\]"
            + "|local-cluster\\[[1-9][0-9]*,[1-9][0-9]*,[1-9][0-9]*\\]"
            + "|spark://[^\\s/:,]+:[0-9]{1,5}(,[^\\s/:,]+:[0-9]{1,5})*"
            + "|yarn"
            + "|k8s://\\S+");

    private SparkMaster() {}

    /**
     * Validates a master URL.
     *
     * @param master the value of {@code --master}
     * @return the same value
     * @throws IllegalArgumentException with the accepted forms when the value is not a master URL
     */
    static String check(String master) {
        if (!VALID.matcher(master).matches()) {
            throw new IllegalArgumentException("--master '" + master + "' is not a Spark master URL (expected local,"
                    + " local[N], local[*], spark://HOST:PORT, yarn or k8s://URL)");
        }
        return master;
    }

    /**
     * Whether the master runs the executors inside the driver's JVM.
     *
     * @param master a valid master URL
     * @return true for {@code local} and {@code local[...]}
     */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }
}
