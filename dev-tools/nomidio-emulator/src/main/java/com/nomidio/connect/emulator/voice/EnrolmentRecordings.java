package com.nomidio.connect.emulator.voice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the enrolment WAV a seed names: first in the given folders (the seed file's own folder, an explicit
 * audio folder), then among the fixtures packaged in the emulator ({@code /fixtures/audio/} on the classpath).
 */
public final class EnrolmentRecordings {

    static final String CLASSPATH_FOLDER = "/fixtures/audio/";

    private final List<Path> folders;

    public EnrolmentRecordings(List<Path> folders) {
        this.folders = folders.stream().filter(Objects::nonNull).toList();
    }

    public byte[] read(String name) {
        if (name == null || name.isBlank() || name.contains("..")) {
            throw new IllegalArgumentException("voiceprint recording name is empty or leaves its folder: " + name);
        }
        List<String> tried = new ArrayList<>();
        for (Path folder : folders) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read voiceprint recording " + file, e);
                }
            }
            tried.add(file.toString());
        }
        try (InputStream in = EnrolmentRecordings.class.getResourceAsStream(CLASSPATH_FOLDER + name)) {
            if (in != null) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read packaged voiceprint recording " + name, e);
        }
        tried.add("classpath:" + CLASSPATH_FOLDER + name);
        throw new IllegalArgumentException("voiceprint recording " + name + " not found; looked in " + tried);
    }
}
