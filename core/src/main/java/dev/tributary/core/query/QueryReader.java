package dev.tributary.core.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.Json;
import dev.tributary.core.spec.InvalidSpecException;
import dev.tributary.core.spec.SpecReader;

/**
 * Reads Druid native queries. Like Druid, it ignores fields it does not know; everything else that is
 * wrong becomes an {@link InvalidQueryException} naming the field.
 */
public final class QueryReader {
    private static final ObjectMapper LENIENT = Json.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private QueryReader() {
    }

    public static Query read(byte[] json) {
        try {
            Query query = LENIENT.readValue(json, Query.class);
            if (query == null) {
                throw new InvalidQueryException("query is null; expected a JSON object with a queryType");
            }
            return query;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            InvalidSpecException translated = SpecReader.translate(e);
            throw new InvalidQueryException("query field '" + translated.field() + "': " + translated.problem(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidQueryException("query is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new InvalidQueryException("cannot read query: " + e.getMessage(), e);
        }
    }
}
