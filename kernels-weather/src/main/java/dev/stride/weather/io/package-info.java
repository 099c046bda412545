/** Input and output: HDF5 columns (jhdf), NOAA ISD-Lite files, chunked sources, the outlier CSV. */
package dev.stride.weather.io;
