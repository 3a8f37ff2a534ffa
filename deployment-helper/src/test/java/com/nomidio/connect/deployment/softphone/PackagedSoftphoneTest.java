package com.nomidio.connect.deployment.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real page, as the softphone module builds it, reaches the helper: the resource tests use a small fixture
 * page from test resources (first on the test classpath), so this test reads the copy the softphone artifact
 * brings, through a class loader that sees nothing else.
 */
class PackagedSoftphoneTest {

    @Test
    void load_whenReadFromTheSoftphoneArtifact_listsThePageAndItsBundle() throws IOException {
        List<URL> indexes = Collections.list(getClass().getClassLoader().getResources(SoftphoneFiles.INDEX));
        URL artifactIndex = indexes.stream().filter(url -> !url.toString().contains("test-classes")).findFirst()
                .orElseThrow(() -> new AssertionError("no softphone artifact on the classpath: " + indexes));
        String text = artifactIndex.toString();
        URL root = new URL(text.substring(0, text.length() - SoftphoneFiles.INDEX.length()));

        try (URLClassLoader artifactOnly = new URLClassLoader(new URL[] {root}, null)) {
            List<SoftphoneFiles.File> files = new SoftphoneFiles(artifactOnly).load();

            assertThat(files).extracting(SoftphoneFiles.File::path).contains("index.html", "app.js", "styles.css")
                    .doesNotContain(SoftphoneFiles.CONFIG);
            assertThat(files).allSatisfy(file -> assertThat(file.content()).isNotEmpty());
            String page = new String(files.stream().filter(f -> f.path().equals("index.html")).findFirst()
                    .orElseThrow().content(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("app.js");
        }
    }
}
