package dev.tributary.worker.historical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The properties every historical relies on to agree on holders without a coordinator: the same
 * answer for the same inputs in any order, exactly the asked number of holders, little movement when
 * a server leaves, and an even spread.
 */
class RendezvousHashingTest {
    private static final List<String> SERVERS = List.of("10.0.0.1:8083", "10.0.0.2:8083", "10.0.0.3:8083",
            "10.0.0.4:8083", "10.0.0.5:8083");

    private static List<String> segmentIds(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "clicks_2026-03-01T" + String.format("%02d", i % 24) + ":00:00.000Z_v1_" + i)
                .toList();
    }

    @Test
    void shouldGiveTheSameHoldersEveryTime() {
        for (String id : segmentIds(200)) {
            List<String> first = RendezvousHashing.holders(id, SERVERS, 2);

            assertThat(RendezvousHashing.holders(id, List.copyOf(SERVERS), 2)).as(id).isEqualTo(first);
        }
    }

    @Test
    void shouldGiveExactlyMinOfReplicasAndServersDistinctHolders() {
        for (int servers = 1; servers <= SERVERS.size(); servers++) {
            for (int replicas = 1; replicas <= 7; replicas++) {
                for (String id : segmentIds(50)) {
                    List<String> holders = RendezvousHashing.holders(id, SERVERS.subList(0, servers), replicas);

                    assertThat(holders).as("%s with %d servers, %d replicas", id, servers, replicas)
                            .doesNotHaveDuplicates()
                            .hasSize(Math.min(replicas, servers))
                            .isSubsetOf(SERVERS.subList(0, servers));
                }
            }
        }
    }

    @Test
    void shouldCountAServerListedTwiceOnce() {
        List<String> twice = List.of("a:1", "b:1", "a:1");

        assertThat(RendezvousHashing.holders("s", twice, 3)).containsExactlyInAnyOrder("a:1", "b:1");
    }

    @Test
    void shouldNotDependOnTheOrderOfTheServerList() {
        Random random = new Random(42);
        for (String id : segmentIds(300)) {
            List<String> shuffled = new ArrayList<>(SERVERS);
            Collections.shuffle(shuffled, random);

            assertThat(RendezvousHashing.holders(id, shuffled, 2)).as(id)
                    .isEqualTo(RendezvousHashing.holders(id, SERVERS, 2));
        }
    }

    @Test
    void shouldMoveOnlyTheSegmentsOfAServerThatLeaves() {
        String leaving = SERVERS.get(2);
        List<String> remaining = SERVERS.stream().filter(s -> !s.equals(leaving)).toList();
        int moved = 0;
        for (String id : segmentIds(1000)) {
            List<String> before = RendezvousHashing.holders(id, SERVERS, 2);
            List<String> after = RendezvousHashing.holders(id, remaining, 2);

            if (before.contains(leaving)) {
                moved++;
                List<String> kept = before.stream().filter(s -> !s.equals(leaving)).toList();
                assertThat(after).as("%s: the other holder keeps it", id).containsAll(kept).hasSize(2);
            } else {
                assertThat(after).as("%s: held by servers that stay", id).isEqualTo(before);
            }
        }
        assertThat(moved).as("segments the leaving server held").isPositive();
    }

    @Test
    void shouldSpreadSegmentsRoughlyEvenlyOverThreeServers() {
        List<String> three = SERVERS.subList(0, 3);
        Map<String, Integer> held = new HashMap<>();
        List<String> ids = segmentIds(3000);
        for (String id : ids) {
            held.merge(RendezvousHashing.holders(id, three, 1).get(0), 1, Integer::sum);
        }

        assertThat(held).containsOnlyKeys(three);
        held.forEach((server, count) -> assertThat(count).as("segments on %s", server)
                .isBetween(ids.size() * 25 / 100, ids.size() * 42 / 100));
    }
}
