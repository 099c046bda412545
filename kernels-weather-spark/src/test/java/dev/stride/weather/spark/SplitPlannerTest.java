package dev.stride.weather.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.weather.io.ColumnChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The splits, read as the tasks read them, cover every input exactly once and split no station. Without Spark. */
class SplitPlannerTest {

    @TempDir
    Path folder;

    @Test
    void plan_hdf5_splitsCoverTheFileOnceAndSplitNoStation() throws IOException {
        TestData.Columns columns = TestData.stations(TestData.lengthsAcrossCuts(90_000, 9, 25_000, 8_000, 4), 2);
        Path file = TestData.writeHdf5(folder.resolve("plan.h5"), columns);

        List<InputSplit> splits = SplitPlanner.plan(List.of(file), "wind_speed_rate", 1_000_000, 9);

        assertEquals(9, splits.size());
        assertCoversOnceWithWholeStations(splits, columns);
    }

    @Test
    void plan_sizeRule_cutsBigInputsIntoTargetSizedSplits() throws IOException {
        TestData.Columns columns = TestData.stations(TestData.lengthsAcrossCuts(50_000, 5, 300, 300, 1), 3);
        Path file = TestData.writeHdf5(folder.resolve("size.h5"), columns);

        List<InputSplit> splits = SplitPlanner.plan(List.of(file), "wind_speed_rate", 4_000, 2);

        assertEquals(13, splits.size());
        assertCoversOnceWithWholeStations(splits, columns);
    }

    @Test
    void plan_isdLite_allFilesOfAStationInOneSplit() throws IOException {
        Path isd = Files.createDirectories(folder.resolve("isd"));
        TestData.Columns columns = TestData.stations(List.of(20_000, 30, 12_000, 9_000, 85, 15_000), 6);
        TestData.writeIsdLite(isd, columns);

        List<InputSplit> splits = SplitPlanner.plan(List.of(isd), "wind_speed_rate", 1_000_000, 4);

        assertTrue(splits.size() > 1 && splits.size() <= 4, "splits: " + splits.size());
        assertCoversOnceWithWholeStations(splits, columns);
    }

    private static void assertCoversOnceWithWholeStations(List<InputSplit> splits, TestData.Columns columns)
            throws IOException {
        List<long[]> parts = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int rows = 0;
        for (InputSplit split : splits) {
            ColumnChunk chunk = SplitReader.read(split, "wind_speed_rate");
            Set<Long> stations = new HashSet<>();
            for (long station : chunk.station()) {
                stations.add(station);
            }
            for (long station : stations) {
                assertFalse(seen.contains(station), "station " + station + " is in two splits");
            }
            seen.addAll(stations);
            parts.add(chunk.station());
            rows += chunk.size();
        }
        long[] joined = new long[rows];
        int offset = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, joined, offset, part.length);
            offset += part.length;
        }
        assertArrayEquals(columns.station(), joined);
    }
}
