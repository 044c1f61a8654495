package dev.cfoc.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose constants are the values one CloudFront API field takes (e.g. {@code "https-only"}): the enum is the
 * one list of those values, and the loader's error messages list them from it.
 */
interface ApiValue {

    /** The value as the API (and the AWS CLI's JSON) spells it. */
    String apiValue();

    static <E extends Enum<E> & ApiValue> Optional<E> find(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.apiValue().equals(value)).findFirst();
    }

    /** Every value of {@code type} in declaration order, comma-separated: {@code "allow-all, https-only, …"}. */
    static <E extends Enum<E> & ApiValue> String listed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ApiValue::apiValue).collect(Collectors.joining(", "));
    }
}
