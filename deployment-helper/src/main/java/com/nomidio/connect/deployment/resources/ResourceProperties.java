package com.nomidio.connect.deployment.resources;

import java.util.Map;
import java.util.Optional;

/**
 * A custom resource's properties as CloudFormation sends them (every scalar arrives as a string). Missing or
 * malformed values fail with a message that names the property and what to set, never with the value.
 */
public final class ResourceProperties {

    private final Map<String, Object> values;

    public ResourceProperties(Map<String, Object> values) {
        this.values = Map.copyOf(values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public String required(String name, String whatToSet) {
        return optional(name).orElseThrow(() -> new InvalidPropertiesException(
                "the property " + name + " is missing or empty: " + whatToSet));
    }

    public Optional<String> optional(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidPropertiesException("the property " + name + " must be a string");
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    public boolean flag(String name, boolean defaultValue) {
        return optional(name).map(value -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidPropertiesException("the property " + name + " must be true or false");
        }).orElse(defaultValue);
    }

    /** Every property as text (a list or map as its string form), for hashing; never log the result. */
    public Map<String, String> asStrings() {
        return values.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> String.valueOf(e.getValue())));
    }

    @Override
    public String toString() {
        return "ResourceProperties" + values.keySet();
    }
}
