package dev.tributary.core.query.merge;

import dev.tributary.core.index.IncrementalIndex;
import dev.tributary.core.index.QueryableIndex;
import dev.tributary.core.segment.Segment;
import dev.tributary.core.segment.SegmentWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random queries of every type over random events, cut into live and persisted pieces, dealt at random
 * to one to four data servers: the merged partial answers always equal one server's answer over every
 * piece, JSON text and number types alike.
 */
class SplitMergePropertyTest {
    @TempDir
    Path temp;
    private final List<Segment> opened = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Segment segment : opened) {
            segment.close();
        }
    }

    @Test
    void shouldAnswerRandomQueriesOverRandomSplitsAsOneServerHoldingEveryPiece() throws IOException {
        for (int trial = 0; trial < 12; trial++) {
            SplittableRandom random = new SplittableRandom(600 + trial);
            String[] events = MergeData.events(random, 200 + random.nextInt(1200), 180);
            List<QueryableIndex> pieces = new ArrayList<>();
            List<IncrementalIndex> live = MergeData.pieces(random, events, 1 + random.nextInt(7));
            for (int p = 0; p < live.size(); p++) {
                pieces.add(random.nextBoolean() && live.get(p).rowCount() > 0 ? persist(live.get(p), trial, p) : live.get(p));
            }
            for (int q = 0; q < 40; q++) {
                String query = RandomQueries.next(random);
                Cluster.assertSameAnswer(query, Cluster.split(pieces, 1 + random.nextInt(4), random));
            }
        }
    }

    private Segment persist(IncrementalIndex piece, int trial, int p) throws IOException {
        Segment segment = Segment.open(SegmentWriter.write(piece, temp.resolve(trial + "-" + p)).directory());
        opened.add(segment);
        return segment;
    }
}
