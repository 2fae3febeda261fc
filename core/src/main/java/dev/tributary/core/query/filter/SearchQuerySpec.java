package dev.tributary.core.query.filter;

import static dev.tributary.core.spec.SpecFieldException.require;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tributary.core.spec.SpecFieldException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code query} of a {@code search} filter: which non-null values it accepts. Case-insensitive
 * matching (the default) compares characters ignoring case.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SearchQuerySpec.Contains.class, name = "contains"),
    @JsonSubTypes.Type(value = SearchQuerySpec.InsensitiveContains.class, name = "insensitive_contains"),
    @JsonSubTypes.Type(value = SearchQuerySpec.Fragment.class, name = "fragment"),
    @JsonSubTypes.Type(value = SearchQuerySpec.Regex.class, name = "regex"),
})
public sealed interface SearchQuerySpec {
    /** A test of non-null values, built once per filter. */
    Predicate<String> accepter();

    /** {@code contains}: the value holds {@code value}; {@code caseSensitive} defaults to false. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contains(@JsonProperty("value") String value, @JsonProperty("caseSensitive") Boolean caseSensitive)
            implements SearchQuerySpec {
        public Contains {
            require(value != null, "value", "a contains search needs a value");
            caseSensitive = Boolean.TRUE.equals(caseSensitive);
        }

        @Override
        public Predicate<String> accepter() {
            return caseSensitive ? text -> text.contains(value) : text -> containsIgnoringCase(text, value);
        }
    }

    /** {@code insensitive_contains}: the value holds {@code value}, ignoring case. */
    record InsensitiveContains(@JsonProperty("value") String value) implements SearchQuerySpec {
        public InsensitiveContains {
            require(value != null, "value", "an insensitive_contains search needs a value");
        }

        @Override
        public Predicate<String> accepter() {
            return text -> containsIgnoringCase(text, value);
        }
    }

    /** {@code fragment}: the value holds every one of {@code values}; {@code caseSensitive} defaults to false. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Fragment(@JsonProperty("values") List<String> values, @JsonProperty("caseSensitive") Boolean caseSensitive)
            implements SearchQuerySpec {
        public Fragment {
            require(values != null && !values.contains(null), "values", "a fragment search needs a list of strings");
            values = Collections.unmodifiableList(new ArrayList<>(values));
            caseSensitive = Boolean.TRUE.equals(caseSensitive);
        }

        @Override
        public Predicate<String> accepter() {
            if (caseSensitive) {
                return text -> values.stream().allMatch(text::contains);
            }
            List<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ENGLISH)).toList();
            return text -> {
                String lowered = text.toLowerCase(Locale.ENGLISH);
                return lower.stream().allMatch(lowered::contains);
            };
        }
    }

    /** {@code regex}: the Java regular expression {@code pattern} is found in the value. */
    record Regex(@JsonProperty("pattern") String pattern) implements SearchQuerySpec {
        public Regex {
            require(pattern != null, "pattern", "a regex search needs a pattern");
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new SpecFieldException("pattern", "is not a Java regular expression: " + e.getDescription());
            }
        }

        @Override
        public Predicate<String> accepter() {
            Pattern compiled = Pattern.compile(pattern);
            return text -> compiled.matcher(text).find();
        }
    }

    private static boolean containsIgnoringCase(String text, String part) {
        int last = text.length() - part.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
