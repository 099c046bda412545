package dev.stride.weather.spark;

import java.io.Serial;
import java.io.Serializable;

/**
 * One task's share of the input: whole stations of one input, described by paths and row numbers only, so that
 * a task is small to ship and the executor reads the data itself (from a file system every node sees).
 */
public sealed interface InputSplit extends Serializable {

    /**
     * The input the rows come from, named as the single-machine pipeline names it in messages: the HDF5 file,
     * or the ISD-Lite folder or file given on the command line.
     *
     * @return the source name
     */
    String source();

    /**
     * The position of the input in the command line's list, so that rows are numbered per listed input (an input
     * listed twice is numbered from 0 twice, as the command line does).
     *
     * @return the input's index
     */
    int input();

    /**
     * A range of rows of one HDF5 file, widened or narrowed at run time to whole stations: the task starts at the
     * first station that begins at or after {@code nominalStart} and stops before the first station that begins
     * at or after {@code nominalEnd} ({@link StationBoundaries}). Neighbouring splits apply the same rule to the
     * same boundary, so together they cover the file exactly once and no station is split, without the driver
     * reading the data.
     *
     * @param source the HDF5 file
     * @param input the input's index in the list
     * @param nominalStart the first row of the nominal range
     * @param nominalEnd the end (exclusive) of the nominal range; the file's row count for the last split
     * @param fileRows the rows of the file
     */
    record Hdf5Split(String source, int input, long nominalStart, long nominalEnd, long fileRows)
            implements InputSplit {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * The ISD-Lite files of consecutive USAF ids, all files of an id in one split.
     *
     * @param source the folder or file given on the command line
     * @param input the input's index in the list
     * @param files the files in reading order (USAF id, WBAN id, year)
     */
    record IsdLiteSplit(String source, int input, String[] files) implements InputSplit {
        @Serial
        private static final long serialVersionUID = 1L;
    }
}
