package com.nomidio.connect.upload.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import com.nomidio.connect.secret.SecretEncryptionContext;
import com.nomidio.connect.testkit.gateway.GatewayStubs;
import com.nomidio.connect.testkit.kms.LocalKms;
import com.nomidio.connect.testkit.kvs.FakeKinesisVideo;
import com.nomidio.connect.testkit.kvs.ServedFragment;
import com.nomidio.connect.testkit.lambda.LocalLambdaContext;
import com.nomidio.connect.testkit.kvs.fixtures.ConnectFixtures;
import com.nomidio.connect.upload.testing.SampleUploadHarness;
import com.nomidio.connect.upload.testing.Wav;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable artifact, not the module's classes: the shaded jar (with the parser library's transitive
 * dependencies excluded and its non-core classes filtered out) is run in a child JVM through the handler's no-arg
 * constructor; it must decrypt the secret at the local KMS, parse a Connect-shaped GetMedia stream from the fake KVS
 * and upload the WAV to the gateway stub. Runs in Maven's integration-test phase, after package.
 */
class ShadedJarIT {

    private static final long MAX_JAR_BYTES = 15L * 1024 * 1024;
    private static final String CHALLENGE = "ch-shaded-jar";

    @TempDir
    Path work;

    @Test
    void shadedJar_whenInspected_isSmallAndHoldsNoneOfTheExcludedLibraries() throws IOException {
        Path jar = shadedJar();
        assertThat(Files.size(jar)).isLessThanOrEqualTo(MAX_JAR_BYTES);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/")).toList();
            assertThat(names).contains("com/amazonaws/kinesisvideo/parser/utilities/FragmentMetadataVisitor.class",
                    "org/apache/commons/lang3/Validate.class",
                    "com/nomidio/connect/upload/entrypoints/SampleUploadHandler.class");
            // Of com.amazonaws only the parser's core and the Lambda runtime interfaces: no SDK v1, KCL, producer SDK.
            assertThat(names).filteredOn(n -> n.startsWith("com/amazonaws/"))
                    .allMatch(n -> n.startsWith("com/amazonaws/kinesisvideo/parser/ebml/")
                            || n.startsWith("com/amazonaws/kinesisvideo/parser/mkv/")
                            || n.startsWith("com/amazonaws/kinesisvideo/parser/utilities/")
                            || n.startsWith("com/amazonaws/services/lambda/runtime/"));
            assertThat(names).noneMatch(n -> n.startsWith("com/amazonaws/kinesisvideo/parser/utilities/H264"))
                    .noneMatch(n -> n.startsWith("org/jcodec/"))
                    .noneMatch(n -> n.startsWith("org/apache/logging/log4j/"))
                    .noneMatch(n -> n.startsWith("org/apache/http/") || n.startsWith("io/netty/"))
                    .noneMatch(n -> n.endsWith(".so"));
        }
    }

    @Test
    void shadedJar_whenRunAsLambdaWould_parsesTheStreamAndUploadsTheSample() throws Exception {
        WireMockServer gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        try (LocalKms kms = new LocalKms();
             FakeKinesisVideo kvs = new FakeKinesisVideo(ServedFragment.of(ConnectFixtures.passphrase()))) {
            new GatewayStubs(gateway).token().uploadSample(CHALLENGE).cancelChallenge(CHALLENGE, AuthLevel.STANDARD);
            String ciphertext = kms.holds(GatewayStubs.ACCESS_KEY_SECRET,
                    SecretEncryptionContext.forAccessKey(GatewayStubs.ACCESS_KEY_ID));
            Path event = work.resolve("event.json");
            Files.writeString(event, "{\"contactId\":\"" + ConnectFixtures.CONTACT_ID + "\","
                    + "\"streamArn\":\"arn:aws:kinesisvideo:eu-west-2:111122223333:stream/connect-x/1\","
                    + "\"startFragmentNumber\":\"" + ConnectFixtures.passphrase().call().fragments().get(0).number() + "\","
                    + "\"startTimestampMillis\":1700000000000,\"challengeId\":\"" + CHALLENGE + "\","
                    + "\"level\":\"STANDARD\",\"requestedAtMillis\":1700000000000}");

            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", shadedJar() + java.io.File.pathSeparator + smokeClasses(),
                    ShadedJarSmoke.class.getName(), event.toString())
                    .redirectErrorStream(true);
            Map<String, String> env = child.environment();
            env.put(GatewayConfig.GATEWAY_URL, gateway.baseUrl());
            env.put(GatewayConfig.SUPPLIER_CODE, GatewayStubs.SUPPLIER_CODE);
            env.put(GatewayConfig.ENTERPRISE_CODE, GatewayStubs.ENTERPRISE_CODE);
            env.put(GatewayConfig.ACCESS_KEY_ID, GatewayStubs.ACCESS_KEY_ID);
            env.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, ciphertext);
            env.put("AWS_REGION", "eu-west-2");
            env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
            env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
            // The SDK's standard per-service endpoint variables: the production code is not told it is a test.
            env.put("AWS_ENDPOINT_URL_KMS", kms.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_KINESIS_VIDEO", kvs.endpoint().toString());
            Process process = child.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("\"action\":\"UPLOADED\"").doesNotContain(GatewayStubs.ACCESS_KEY_SECRET);
            assertThat(output).contains("\"logger\":\"com.nomidio.connect.upload.domain.SampleUploadProcessor\"")
                    .contains("\"contactId\":\"" + ConnectFixtures.CONTACT_ID + "\"");
            List<Wav> uploads = SampleUploadHarness.uploads(gateway, CHALLENGE);
            assertThat(uploads).hasSize(1);
            assertThat(uploads.get(0).sampleRate()).isEqualTo(8000);
            assertThat(uploads.get(0).samples16()).isNotEmpty();
        } finally {
            gateway.stop();
        }
    }

    private static Path shadedJar() {
        Path jar = Path.of(System.getProperty("shadedJar", "target/sample-upload-lambda.jar"));
        assertThat(jar).as("run through Maven's verify: the shaded jar is built in package").exists();
        return jar;
    }

    /** A directory with only the smoke main and the test Lambda context: nothing else of the test class path. */
    private Path smokeClasses() throws IOException, URISyntaxException {
        Path dir = work.resolve("smoke");
        for (Class<?> type : List.of(ShadedJarSmoke.class, LocalLambdaContext.class)) {
            // The context comes from the test kit: a directory in the IDE or the reactor, a jar from a repository.
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
                Path root = jar == null ? location : jar.getPath("/");
                Path folder = root.resolve(type.getPackageName().replace('.', '/'));
                try (var files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().startsWith(type.getSimpleName())).toList()) {
                        Path target = dir.resolve(root.relativize(file).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return dir;
    }
}
