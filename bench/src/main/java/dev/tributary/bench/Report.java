package dev.tributary.bench;

import dev.tributary.bench.measure.Samples;
import java.io.PrintStream;
import java.util.List;

/** The side-by-side's results as Markdown tables, ready for BENCHMARKS.md. */
final class Report {
    private Report() {
    }

    static void print(PrintStream out, Options options, List<IngestComparison.Result> ingest, IndexComparison.Result index) {
        out.printf("### Ingest: events/s, one thread, median of %d runs (target: Tributary json+add >= 4x Druid)%n%n",
                options.iterations());
        out.println("| schema | mode | events | rows (Druid / Tributary) | Druid events/s | Tributary events/s | Tributary/Druid |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        for (IngestComparison.Result r : ingest) {
            out.printf("| %s | %s | %,d | %,d / %,d | %,.0f | %,.0f | %.2fx |%n", r.workload(), r.mode(), r.events(),
                    r.druidRows(), r.tributaryRows(), r.druid().median(), r.tributary().median(), r.ratio());
        }

        IndexComparison.Memory m = index.memory();
        out.printf("%n### Memory: heap bytes per in-memory row (target: Tributary <= 0.5x Druid)%n%n");
        out.println("| schema | events | rows | Druid B/row (heap delta) | Druid B/row (own estimate) | Tributary B/row (heap delta) | Tributary/Druid |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        out.printf("| %s | %,d | %,d | %.0f | %.0f | %.0f | %.2fx |%n", m.workload(), m.events(), m.druidRows(),
                m.druidPerRow(), (double) m.druidOwnEstimate() / m.druidRows(), m.tributaryPerRow(),
                m.tributaryPerRow() / m.druidPerRow());
        out.println();
        out.println(index.totalsDisagreement() == null
                ? "Both indexes hold the same row count and the same totals (count, longSum, doubleSum)."
                : "WARNING: the indexes disagree: " + index.totalsDisagreement());

        out.printf("%n### Queries on the live index, %,d rows: median of %d runs (target: Tributary >= 10x Druid)%n%n",
                m.druidRows(), options.queryRuns());
        out.println("| query | Druid ms | Druid rows/s | Tributary ms | Tributary rows/s | Tributary/Druid |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (IndexComparison.QueryResult q : index.queries()) {
            out.printf("| %s | %s | %s | %s | %s | %s |%n", q.query(),
                    millis(q.druidMillis(), q.druidUnsupported()), rate(q.druidMillis(), q.rows()),
                    millis(q.tributaryMillis(), q.tributaryUnsupported()), rate(q.tributaryMillis(), q.rows()),
                    q.druidMillis() == null || q.tributaryMillis() == null ? "n/a"
                            : String.format("%.2fx", q.druidMillis().median() / q.tributaryMillis().median()));
        }
        for (IndexComparison.QueryResult q : index.queries()) {
            if (q.tributaryUnsupported() != null) {
                out.printf("%n- %s: Tributary cannot run it today (%s)", q.query(), q.tributaryUnsupported());
            }
            if (q.druidUnsupported() != null) {
                out.printf("%n- %s: Druid did not run it (%s)", q.query(), q.druidUnsupported());
            }
            if (q.disagreement() != null) {
                out.printf("%n- %s: WARNING results differ at %s", q.query(), q.disagreement());
            }
        }
        out.println();
    }

    private static String millis(Samples samples, String unsupported) {
        return samples == null ? (unsupported != null ? "unsupported" : "n/a") : String.format("%.1f", samples.median());
    }

    private static String rate(Samples millis, int rows) {
        return millis == null ? "n/a" : String.format("%,.0f", rows * 1000 / millis.median());
    }
}
