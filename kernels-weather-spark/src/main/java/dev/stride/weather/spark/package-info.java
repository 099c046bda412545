/**
 * The weather outlier job on Apache Spark. The driver plans {@link dev.stride.weather.spark.InputSplit splits}
 * of whole stations ({@link dev.stride.weather.spark.SplitPlanner}); each task reads its split as columns and
 * runs the library's {@link dev.stride.weather.OutlierDetector} (the Stride-compiled kernels) on them
 * ({@link dev.stride.weather.spark.SplitDetector}); the driver checks the splits together and writes the same
 * outlier CSV as {@code ./stride weather detect} ({@link dev.stride.weather.spark.OutlierAssembler}).
 */
package dev.stride.weather.spark;
