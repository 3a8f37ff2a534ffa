package com.nomidio.connect.emulator.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The emulator's starting state, read from a JSON file: who we accept (supplier, enterprise, access keys) and
 * the callers it knows. {@code source} is the folder relative voiceprint names are resolved against, or null
 * for the seed shipped inside the emulator.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Seed(
        String supplierCode,
        String enterpriseCode,
        boolean freeTrialLimitReached,
        List<AccessKey> accessKeys,
        List<SeedIdentity> identities,
        Path source) {

    public static final String DEFAULT_RESOURCE = "/seed-identities.json";

    public Seed {
        accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** An access key the token endpoint accepts. Never printed with its secret. */
    public record AccessKey(String id, String secret) {
        @Override
        public String toString() {
            return "AccessKey[id=" + id + "]";
        }
    }

    /**
     * A caller. {@code status} may be any of the sixteen Nomidio Status values; BLOCKED means blocked on top of
     * {@code statusBeforeBlock}. {@code voiceprint} names the WAV the identity is enrolled with.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SeedIdentity(
            String caller,
            String phoneNumber,
            String customerReference,
            String nomidioId,
            String status,
            String statusBeforeBlock,
            String fraudFlag,
            String voiceprint) {
    }

    public static Seed loadDefault(ObjectMapper json) {
        try (InputStream in = Seed.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default seed " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return json.readValue(in, Seed.class).withSource(null);
        } catch (IOException e) {
            throw new UncheckedIOException("default seed is not valid JSON", e);
        }
    }

    public static Seed load(Path file, ObjectMapper json) {
        try {
            Path absolute = file.toAbsolutePath();
            return json.readValue(Files.readAllBytes(absolute), Seed.class).withSource(absolute.getParent());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }

    public Seed withSource(Path folder) {
        return new Seed(supplierCode, enterpriseCode, freeTrialLimitReached, accessKeys, identities, folder);
    }

    public Seed withCredentials(String supplier, String enterprise, List<AccessKey> keys) {
        return new Seed(supplier == null ? supplierCode : supplier,
                enterprise == null ? enterpriseCode : enterprise,
                freeTrialLimitReached,
                keys == null || keys.isEmpty() ? accessKeys : keys,
                identities, source);
    }
}
