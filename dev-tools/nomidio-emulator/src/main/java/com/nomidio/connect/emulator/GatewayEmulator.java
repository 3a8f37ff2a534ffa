package com.nomidio.connect.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.emulator.http.AdminRoutes;
import com.nomidio.connect.emulator.http.GatewayRoutes;
import com.nomidio.connect.emulator.http.Route;
import com.nomidio.connect.emulator.http.Router;
import com.nomidio.connect.emulator.state.ChallengeInspection;
import com.nomidio.connect.emulator.state.ChallengeStore;
import com.nomidio.connect.emulator.state.EmulatorSettings;
import com.nomidio.connect.emulator.state.Fault;
import com.nomidio.connect.emulator.state.FaultPlan;
import com.nomidio.connect.emulator.state.IdentityStore;
import com.nomidio.connect.emulator.state.Seed;
import com.nomidio.connect.emulator.state.TokenIssuer;
import com.nomidio.connect.emulator.voice.EnrolmentRecordings;
import com.nomidio.connect.emulator.voice.SampleVerifier;
import com.nomidio.connect.emulator.voice.SpectralVoiceprintVerifier;
import com.nomidio.connect.gateway.GatewayConfig;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Nomidio IDaaS Connect Gateway that speaks nomidio-gateway-openapi.yaml, for tests, the contact
 * simulator and {@code sam local invoke}. An emulator: its voice check tells two synthetic voices apart and is
 * no biometric product.
 *
 * <pre>{@code
 * try (GatewayEmulator emulator = GatewayEmulator.builder().build().start(0)) {
 *     NomidioGateway gateway = new HttpNomidioGateway(emulator.clientConfig(), new ObjectMapper());
 *     ...
 * }
 * }</pre>
 */
public final class GatewayEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayEmulator.class);

    /** The seed with the builder's credentials applied. */
    private final Seed seed;
    private final EmulatorSettings settings;
    /** What {@link #reset()} returns the settings to. */
    private final EmulatorSettings initialSettings;
    private final IdentityStore identities;
    private final ChallengeStore challenges;
    private final TokenIssuer tokens;
    private final FaultPlan faults = new FaultPlan();
    private final Router router;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private URI baseUri;
    /** Every HTTP request served, admin routes included: the load mode's gateway request count (issue 12). */
    private final AtomicLong requestsServed = new AtomicLong();

    private GatewayEmulator(Builder builder) {
        ObjectMapper json = new ObjectMapper();
        this.seed = (builder.seed != null ? builder.seed : Seed.loadDefault(json))
                .withCredentials(builder.supplierCode, builder.enterpriseCode, builder.accessKeys);
        if (seed.supplierCode() == null || seed.enterpriseCode() == null) {
            throw new IllegalArgumentException("the supplier and enterprise codes are missing (seed or --supplier/--enterprise)");
        }
        this.settings = new EmulatorSettings().freeTrialLimitReached(seed.freeTrialLimitReached());
        builder.settings.accept(settings);
        this.initialSettings = settings.snapshot();
        SampleVerifier verifier = builder.verifier != null ? builder.verifier : new SpectralVoiceprintVerifier();
        List<Path> folders = new ArrayList<>();
        folders.add(builder.audioFolder);
        folders.add(seed.source());
        this.identities = new IdentityStore(seed.identities(), verifier, new EnrolmentRecordings(folders));
        this.tokens = new TokenIssuer(seed.accessKeys(), builder.clock, settings::tokenLifetime);
        this.challenges = new ChallengeStore(verifier, settings, builder.clock, workers);

        List<Route> routes = new ArrayList<>(new GatewayRoutes(identities, challenges, tokens, settings, json).routes());
        routes.addAll(new AdminRoutes(faults, challenges, identities, settings, this::reset, json).routes());
        this.router = new Router(routes, faults, tokens, seed.supplierCode(), seed.enterpriseCode(), json);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Listens on the loopback interface; port 0 picks a free port. */
    public GatewayEmulator start(int port) {
        return start(InetAddress.getLoopbackAddress(), port);
    }

    public synchronized GatewayEmulator start(InetAddress host, int port) {
        if (server != null) {
            throw new IllegalStateException("already started at " + baseUri);
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host.getHostAddress() + ":" + port, e);
        }
        server.createContext("/", exchange -> {
            requestsServed.incrementAndGet();
            router.handle(exchange);
        });
        server.setExecutor(requests);
        server.start();
        String address = host.isAnyLocalAddress() || host.isLoopbackAddress() ? "127.0.0.1" : host.getHostAddress();
        baseUri = URI.create("http://" + address + ":" + server.getAddress().getPort());
        LOG.atInfo().addKeyValue("baseUri", baseUri).addKeyValue("identities", identities.list().size())
                .log("Gateway emulator listening");
        return this;
    }

    public synchronized URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException("not started");
        }
        return baseUri;
    }

    /** A client configuration for this emulator with its first access key. */
    public GatewayConfig clientConfig() {
        Seed.AccessKey key = seed.accessKeys().getFirst();
        return new GatewayConfig(baseUri(), seed.supplierCode(), seed.enterpriseCode(), key.id(),
                key::secret, null);
    }

    public EmulatorSettings settings() {
        return settings;
    }

    /** Arms a fault for the next matching calls (see {@link Fault}). */
    public GatewayEmulator inject(Fault fault) {
        faults.add(fault);
        return this;
    }

    public void clearFaults() {
        faults.clear();
    }

    public Optional<ChallengeInspection> challenge(String challengeId) {
        return challenges.inspect(challengeId);
    }

    public List<IdentityStore.Listing> identities() {
        return identities.list();
    }

    /**
     * Tells {@code listener} of every sample a challenge accepts (challenge id, WAV bytes), before verification: the
     * contact simulator's load mode checks whose audio each sample holds (issue 12).
     */
    public void onSample(BiConsumer<String, byte[]> listener) {
        challenges.onSample(Objects.requireNonNull(listener, "listener"));
    }

    /** HTTP requests served since start, any route. */
    public long requestsServed() {
        return requestsServed.get();
    }

    public int tokensIssued() {
        return tokens.issuedCount();
    }

    /** The contract routes this emulator serves (for the contract test). */
    public List<Route> contractRoutes() {
        return router.routes().stream().filter(Route::isContract).toList();
    }

    /** Back to the seeded identities and the starting settings, no challenges, no faults; tokens stay valid. */
    public void reset() {
        faults.clear();
        challenges.clear();
        identities.reset();
        settings.restore(initialSettings);
        LOG.info("Emulator reset to its seed");
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        requests.shutdownNow();
        workers.shutdownNow();
    }

    public static void main(String[] args) {
        EmulatorCommandLine.run(args);
    }

    /** How the emulator is set up; every setting has a default. */
    public static final class Builder {
        private Seed seed;
        private Path audioFolder;
        private String supplierCode;
        private String enterpriseCode;
        private final List<Seed.AccessKey> accessKeys = new ArrayList<>();
        private SampleVerifier verifier;
        private Clock clock = Clock.systemUTC();
        private Consumer<EmulatorSettings> settings = s -> { };

        private Builder() {
        }

        /** The starting state; the seed shipped in the emulator when not given. */
        public Builder seed(Seed seed) {
            this.seed = Objects.requireNonNull(seed, "seed");
            return this;
        }

        /** Where enrolment WAVs are looked for before the seed's folder and the packaged fixtures. */
        public Builder audioFolder(Path folder) {
            this.audioFolder = folder;
            return this;
        }

        public Builder supplierCode(String code) {
            this.supplierCode = code;
            return this;
        }

        public Builder enterpriseCode(String code) {
            this.enterpriseCode = code;
            return this;
        }

        /** Replaces the seed's access keys with the ones given here. */
        public Builder accessKey(String id, String secret) {
            if (id == null || id.isBlank() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("an access key needs an id and a secret");
            }
            accessKeys.add(new Seed.AccessKey(id, secret));
            return this;
        }

        public Builder verifier(SampleVerifier verifier) {
            this.verifier = verifier;
            return this;
        }

        /** The clock tokens and challenges expire by (long-polls still wait in real time). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Adjusts the settings the emulator starts with, e.g. {@code s -> s.challengeLifetime(ofSeconds(2))}. */
        public Builder settings(Consumer<EmulatorSettings> adjust) {
            this.settings = this.settings.andThen(adjust);
            return this;
        }

        public GatewayEmulator build() {
            return new GatewayEmulator(this);
        }
    }
}
