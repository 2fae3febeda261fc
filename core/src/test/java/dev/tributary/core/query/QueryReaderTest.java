package dev.tributary.core.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tributary.core.aggregation.CountAggregatorFactory;
import dev.tributary.core.aggregation.LongSumAggregatorFactory;
import dev.tributary.core.query.filter.SelectorDimFilter;
import dev.tributary.core.time.Granularity;
import dev.tributary.core.time.Interval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryReaderTest {

    @Test
    void shouldReadATimeseriesQueryIgnoringFieldsItDoesNotKnowAsDruidDoes() {
        Query query = QueryReader.read(bytes("""
                {"queryType": "timeseries", "dataSource": "wiki",
                 "intervals": ["2013-09-01/2013-09-02", "2013-08-31/2013-09-01"], "granularity": "HOUR",
                 "aggregations": [{"type": "count", "name": "rows"}, {"type": "longSum", "name": "added", "fieldName": "added"}],
                 "context": {"queryId": "q1", "skipEmptyBuckets": "true"}, "somethingNew": {"a": 1}}"""));

        assertThat(query).isInstanceOf(TimeseriesQuery.class);
        TimeseriesQuery timeseries = (TimeseriesQuery) query;
        assertThat(timeseries.dataSource()).isEqualTo(new TableDataSource("table", "wiki"));
        assertThat(timeseries.intervals().intervals())
                .containsExactly(Interval.parse("2013-08-31/2013-09-01"), Interval.parse("2013-09-01/2013-09-02"));
        assertThat(timeseries.granularity()).isEqualTo(Granularity.HOUR);
        assertThat(timeseries.aggregations())
                .containsExactly(new CountAggregatorFactory("rows"), new LongSumAggregatorFactory("added", "added"));
        assertThat(timeseries.descending()).isFalse();
        assertThat(timeseries.limit()).isNull();
        assertThat(timeseries.context()).isEqualTo(Map.of("queryId", "q1", "skipEmptyBuckets", "true"));
        assertThat(timeseries.contextFlag("skipEmptyBuckets")).isTrue();
        assertThat(timeseries.contextFlag("queryId")).isFalse();
    }

    @Test
    void shouldDefaultGranularityToAllAndReadDruidsIntervalsObject() {
        TimeseriesQuery query = (TimeseriesQuery) QueryReader.read(bytes("""
                {"queryType": "timeseries", "dataSource": {"type": "table", "name": "wiki"},
                 "intervals": {"type": "intervals", "intervals": ["2013-08-31/2013-09-01"]}}"""));

        assertThat(query.granularity()).isEqualTo(Granularity.ALL);
        assertThat(query.intervals().intervals()).containsExactly(Interval.parse("2013-08-31/2013-09-01"));
        assertThat(query.aggregations()).isEqualTo(List.of());
        assertThat(query.context()).isEqualTo(Map.of());
    }

    @Test
    void shouldRefuseAnUnknownQueryTypeWithA400NamingQueryType() {
        InvalidQueryException e = refused("""
                {"queryType": "topNope", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"]}""");

        assertThat(e.getMessage()).isEqualTo("query field 'queryType': unknown type 'topNope'; known types are "
                + "[dataSourceMetadata, groupBy, scan, search, segmentMetadata, timeBoundary, timeseries, topN]");
    }

    @Test
    void shouldRefuseAQueryWithoutQueryType() {
        InvalidQueryException e = refused("""
                {"dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"]}""");

        assertThat(e.getMessage()).isEqualTo("query field 'queryType': is required");
    }

    @Test
    void shouldRefuseMalformedJsonWithA400() {
        InvalidQueryException e = refused("{\"queryType\": \"timeseries\", ");

        assertThat(e.getMessage()).startsWith("query is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void shouldRefuseJsonNullWithA400() {
        InvalidQueryException e = refused("null");

        assertThat(e.getMessage()).isEqualTo("query is null; expected a JSON object with a queryType");
    }

    @Test
    void shouldRefuseAFilterOfAnUnknownTypeListingTheKnownOnes() {
        InvalidQueryException e = refused("""
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"],
                 "filter": {"type": "spatial", "dimension": "page", "bound": {}}}""");

        assertThat(e.getMessage()).startsWith("query field 'filter.type': unknown type 'spatial'; known types are [")
                .contains("selector");
    }

    @Test
    void shouldReadASelectorFilter() {
        Query query = QueryReader.read(bytes("""
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"],
                 "filter": {"type": "selector", "dimension": "page", "value": "a"}}"""));

        assertThat(((TimeseriesQuery) query).filter()).isEqualTo(new SelectorDimFilter("page", "a"));
    }

    @Test
    void shouldAcceptAnExplicitNullFilter() {
        Query query = QueryReader.read(bytes("""
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"], "filter": null}"""));

        assertThat(((TimeseriesQuery) query).filter()).isNull();
    }

    @Test
    void shouldRefuseABadIntervalNamingIntervals() {
        InvalidQueryException e = refused("""
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["yesterday"]}""");

        assertThat(e.getMessage()).startsWith("query field 'intervals': 'yesterday' is not an ISO-8601 interval");
    }

    @Test
    void shouldRefuseAnAggregatorWithoutFieldNameNamingIt() {
        InvalidQueryException e = refused("""
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"],
                 "aggregations": [{"type": "count", "name": "rows"}, {"type": "doubleSum", "name": "delta"}]}""");

        assertThat(e.getMessage()).isEqualTo("query field 'aggregations[1].fieldName': doubleSum 'delta' needs a fieldName");
    }

    @Test
    void shouldRefuseANonPositiveLimit() {
        InvalidQueryException e = refused("""
                {"queryType": "timeseries", "dataSource": "wiki", "intervals": ["2013-08-31/2013-09-01"], "limit": 0}""");

        assertThat(e.getMessage()).isEqualTo("query field 'limit': must be positive");
    }

    private static InvalidQueryException refused(String json) {
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> QueryReader.read(bytes(json)));
        assertThat(e).as("query should have been refused: %s", json).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("Unknown exception");
        return e;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
