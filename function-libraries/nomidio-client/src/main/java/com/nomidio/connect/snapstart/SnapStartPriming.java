package com.nomidio.connect.snapstart;

import com.nomidio.connect.aws.AwsEnvironment;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.secret.AccessKeySecrets;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function's SnapStart runtime hook. Under SnapStart, Lambda initialises the function once, snapshots it, and
 * restores copies of that snapshot for new execution environments; what the first invocation of a restored copy
 * still pays is whatever initialisation never ran: the first KMS request through the SDK's pipeline, the first
 * gateway request through the JDK HTTP client, Jackson's first event. {@link #beforeCheckpoint} pays it before the
 * snapshot: it starts {@link LoopbackServices} (a throwaway server on 127.0.0.1), lets the function's {@link Primer}
 * run invocations through a copy of the function pointed at it, with made-up credentials and ciphertext, then stops
 * the server. Nothing real is called, and no secret or token can be in the snapshot: every {@link
 * SnapshotSensitive} this process holds (the decrypted secret, the gateway token) is forgotten before the snapshot
 * and again after each restore ({@link #afterRestore}), so that each restored environment decrypts and
 * authenticates for itself. {@link #afterRestore} then starts that on a background daemon thread ({@link
 * SnapshotSensitive#refill()}, for the function's own caches) and returns at once: the restore never waits for KMS
 * or the gateway, and the first invocation finds the token fetched or in flight instead of starting from nothing.
 *
 * <p>It is registered only when Lambda initialises the function for a snapshot ({@code
 * AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); an on-demand or provisioned-concurrency initialisation has no
 * snapshot to prime. The Lambda runtime's CRaC context may hold resources weakly, so the handler keeps the instance
 * {@link #register} returns in a field. Priming is an optimisation: when it fails, it logs and the snapshot is taken
 * anyway.
 */
public final class SnapStartPriming implements Resource {

    /** Lambda's name for a SnapStart initialisation, in {@link #INITIALIZATION_TYPE}. */
    public static final String SNAP_START = "snap-start";
    public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** Weak: tracking a cache must not keep a discarded handler (the primer's copy) alive. */
    private static final Set<SnapshotSensitive> SENSITIVE = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    /** Strongly held: one per function in Lambda, and a reference the runtime's context might not keep. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();
    /**
     * What this thread tracked since a hook last claimed it: a handler's constructor builds its caches, then
     * registers its hook, on one thread, so the hook claims exactly its own function's caches (a test JVM holds many
     * functions' caches, of handlers long gone, which a restore must not refill). Weak, as {@link #SENSITIVE}.
     */
    private static final ThreadLocal<List<WeakReference<SnapshotSensitive>>> UNCLAIMED =
            ThreadLocal.withInitial(ArrayList::new);
    /**
     * Set while a primer runs, to the priming copy's caches: forgotten like any, never claimed by a hook, and refilled
     * {@link #PRIMING_REFILLS} times against the loopback (priming the refill's own path) before the snapshot.
     */
    private static final ThreadLocal<List<SnapshotSensitive>> PRIMING = new ThreadLocal<>();
    /** Set while a primer runs, to what the priming copy built that {@link #beforeCheckpoint} closes once it is done. */
    private static final ThreadLocal<List<AutoCloseable>> PRIMING_CLOSEABLES = new ThreadLocal<>();
    /**
     * The refills' one daemon thread, started by the priming's refill and parked in the snapshot, so that a restore's
     * refill runs on a thread that has run it before: on a new thread the same refill measured up to twice as slow.
     */
    private static final ExecutorService REFILLER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "snapstart-refill");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * How many times the priming copy's secret and token are refilled before the snapshot: past the ~200 calls after
     * which C1 (the deployed {@code -XX:TieredStopAtLevel=1}) compiles a method, as the priming lookups are, so that
     * the restore's refill, which the first invocation usually waits for, runs compiled code: a first lookup joining
     * it took ~16.6 ms after one priming refill, 10–13 ms after 300 (dev-tools/benchmarks/README.md).
     */
    static final int PRIMING_REFILLS = 300;

    /** A priming repetition: one invocation of the copy, or one refill. */
    @FunctionalInterface
    public interface Repetition {
        void run() throws Exception;
    }

    /**
     * Runs {@code repetition} {@code times} with stdout, where the functions' JSON log lines go, discarded: the lines
     * are still built and written (the repetitions are there to compile that path too), but the init log keeps one
     * pass of the priming, not hundreds of lines for a made-up contact that a Logs Insights query counting answers
     * would count as contacts (as the priming's metrics, which go nowhere). The first pass, logged, shows any
     * problem; a failing repetition throws, and {@link #beforeCheckpoint} reports it once stdout is back.
     *
     * <p>Stops repeating once {@link #REPETITION_BUDGET} has passed (a slow loopback: the snapshot is then less primed,
     * not late), so that stdout is never left discarded while {@link #beforeCheckpoint} goes on to log. Returns how
     * many repetitions ran.
     */
    public static int repeatUnlogged(int times, Repetition repetition) throws Exception {
        return repeatUnlogged(times, REPETITION_BUDGET, repetition);
    }

    /** As {@link #repeatUnlogged(int, Repetition)}, starting repetitions only within {@code budget}. */
    static int repeatUnlogged(int times, Duration budget, Repetition repetition) throws Exception {
        long stopAt = System.nanoTime() + budget.toNanos();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        int ran = 0;
        try {
            while (ran < times && System.nanoTime() - stopAt < 0) {
                repetition.run();
                ran++;
            }
        } finally {
            System.setOut(stdout);
        }
        return ran;
    }

    /**
     * How long one {@link #repeatUnlogged} may go on starting repetitions: here 300 lookups take ~1 s and 300 refills
     * ~2 s. With one repetition's own bound (a refill's 6 s, {@code HttpNomidioGateway.REFILL_BUDGET}) it stays within
     * the 60 s {@link #beforeCheckpoint} waits for the priming refills, and the lookups' and the refills' budgets
     * together within what Lambda allows a SnapStart init (130 s, or the function's timeout if longer; past it the
     * version's snapshot, and so the deployment, fails).
     */
    static final Duration REPETITION_BUDGET = Duration.ofSeconds(20);

    /** Runs a function's priming invocations through a copy of it configured from {@code loopbackEnvironment}. */
    @FunctionalInterface
    public interface Primer {
        void prime(Map<String, String> loopbackEnvironment) throws Exception;
    }

    /** What the last {@link #beforeCheckpoint} did: requests answered by the loopback, and whether the primer failed. */
    public record Report(Map<String, Integer> loopbackRequests, String failure) {
    }

    /** What the background refill after a restore did: how many caches it asked, what failed, how long it took. */
    public record Refill(int caches, List<String> failures, Duration took) {
    }

    private final String function;
    private final Map<String, String> env;
    private final Primer primer;
    /** This function's caches, in the order it built them (the secret before the token that needs it). */
    private final List<WeakReference<SnapshotSensitive>> refillable;
    private volatile Report lastReport;
    private volatile CompletableFuture<Refill> lastRefill;

    private SnapStartPriming(String function, Map<String, String> env, Primer primer,
                             List<WeakReference<SnapshotSensitive>> refillable) {
        this.function = function;
        this.env = Map.copyOf(env);
        this.primer = primer;
        this.refillable = refillable;
    }

    /**
     * The hook of {@code function}, registered with the global CRaC context when {@code env} says Lambda is
     * initialising for a snapshot; else null (nothing to prime, nothing registered).
     */
    public static SnapStartPriming register(String function, Map<String, String> env, Primer primer) {
        // Claimed either way, so that an on-demand handler's caches are never claimed by a later hook on this thread.
        List<WeakReference<SnapshotSensitive>> claimed = claimTracked();
        if (!isSnapStartInit(env)) {
            return null;
        }
        SnapStartPriming priming = new SnapStartPriming(function, env, primer, claimed);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        LOG.atInfo().addKeyValue("function", function).log("SnapStart initialisation: priming hook registered");
        return priming;
    }

    /**
     * Builds a function's parts with {@code wiring} and returns them: what they track while being built is the
     * function's own, which the hook its handler then {@link #register registers} refills after a restore (and
     * nothing tracked on this thread before, such as the caches of a test's other handlers).
     */
    public static <T> T initialise(Supplier<T> wiring) {
        UNCLAIMED.remove();
        return wiring.get();
    }

    /**
     * The hooks registered in this process, in order. A JVM without CRaC cannot checkpoint, so the benchmarks call
     * these hooks' two methods themselves to measure what a restored environment's first invocation costs.
     */
    public static List<SnapStartPriming> registered() {
        return List.copyOf(REGISTERED);
    }

    /**
     * The hook without registering it: for tests and benchmarks, which call the two methods themselves. It claims,
     * for its refill, what this thread tracked since the last hook was built, as {@link #register} does.
     */
    public static SnapStartPriming unregistered(String function, Map<String, String> env, Primer primer) {
        return new SnapStartPriming(function, env, primer, claimTracked());
    }

    public static boolean isSnapStartInit(Map<String, String> env) {
        return SNAP_START.equals(env.get(INITIALIZATION_TYPE));
    }

    /** Tracks {@code sensitive} (weakly) so that checkpoints and restores forget it; returns it. */
    public static <T extends SnapshotSensitive> T track(T sensitive) {
        SENSITIVE.add(sensitive);
        List<SnapshotSensitive> primingCopy = PRIMING.get();
        if (primingCopy != null) {
            primingCopy.add(sensitive);
        } else {
            List<WeakReference<SnapshotSensitive>> unclaimed = UNCLAIMED.get();
            unclaimed.removeIf(ref -> ref.get() == null);
            unclaimed.add(new WeakReference<>(sensitive));
        }
        return sensitive;
    }

    /**
     * Returns {@code resource}; when a priming copy builds it (a primer is running on this thread), {@link
     * #beforeCheckpoint} also closes it once the copy's refill has run, before the snapshot. For a copy's JDK HTTP
     * client, whose selector thread lives until the client is closed or collected: closing it spares the snapshot that
     * thread without the full collection that used to collect it, which left the restored environment's first call
     * ~3 ms slower (every compiled method's first entry after a full GC is slow; see the benchmarks README).
     */
    public static <T extends AutoCloseable> T closedAfterPriming(T resource) {
        List<AutoCloseable> primingCopy = PRIMING_CLOSEABLES.get();
        if (primingCopy != null) {
            primingCopy.add(resource);
        }
        return resource;
    }

    private static List<WeakReference<SnapshotSensitive>> claimTracked() {
        List<WeakReference<SnapshotSensitive>> claimed = List.copyOf(UNCLAIMED.get());
        UNCLAIMED.remove();
        return claimed;
    }

    /** Forgets everything tracked in this process; returns how many were tracked. */
    public static int forgetAll() {
        SnapshotSensitive[] all;
        synchronized (SENSITIVE) {
            all = SENSITIVE.toArray(SnapshotSensitive[]::new);
        }
        for (SnapshotSensitive sensitive : all) {
            sensitive.forget();
        }
        return all.length;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        forgetAll();
        String failure = null;
        Map<String, Integer> requests = Map.of();
        try (LoopbackServices loopback = LoopbackServices.start()) {
            List<SnapshotSensitive> primingCopy = new ArrayList<>();
            List<AutoCloseable> closeables = new ArrayList<>();
            PRIMING.set(primingCopy);
            PRIMING_CLOSEABLES.set(closeables);
            try {
                primer.prime(loopbackEnvironment(env, loopback));
                // The copy's secret and token forgotten and refilled as after a restore, on the refill's own thread,
                // PRIMING_REFILLS times: what afterRestore and the refill run (the KMS client's Decrypt pipeline, the
                // token request) is then not new code to the first restored environment, and is compiled.
                forgetAll();
                Refill refill = startPrimingRefills(primingCopy).get(60, TimeUnit.SECONDS);
                if (!refill.failures().isEmpty()) {
                    failure = "refill: " + refill.failures();
                }
            } catch (Exception | LinkageError e) {
                failure = e.toString();
            } finally {
                PRIMING.remove();
                PRIMING_CLOSEABLES.remove();
                primingCopy.clear();
                String notClosed = closeAll(closeables);
                if (notClosed != null && failure == null) {
                    failure = notClosed;
                }
            }
            requests = loopback.requests();
        } catch (java.io.IOException | RuntimeException e) {
            failure = "loopback server: " + e;
        }
        int forgotten = forgetAll();
        // No System.gc() here, though the primed copy is garbage now: a full collection before the snapshot made the
        // restored environment's first call ~3 ms slower (measured, dev-tools/benchmarks/README.md), and what it was
        // for, the copy's HTTP client's selector thread, is closed above. The copy's garbage holds no secret (its
        // secret and token were made-up, and are forgotten) and no open connection (its gateway client, the one
        // whose connections the loopback kept alive, is closed above; the AWS clients' were closed by each answer's
        // Connection: close; and the loopback server is stopped).
        lastReport = new Report(requests, failure);
        if (failure != null) {
            LOG.atWarn().addKeyValue("function", function).addKeyValue("problem", failure)
                    .log("Priming before the snapshot failed; the snapshot is taken unprimed");
        } else {
            LOG.atInfo().addKeyValue("function", function).addKeyValue("loopbackRequests", requests.toString())
                    .addKeyValue("forgotten", forgotten)
                    .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000).log("Primed before the snapshot");
        }
    }

    /** Closes {@code closeables}; returns what failed, or null. */
    private static String closeAll(List<AutoCloseable> closeables) {
        List<String> failures = new ArrayList<>();
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                failures.add(closeable.getClass().getSimpleName() + ": " + e);
            }
        }
        closeables.clear();
        return failures.isEmpty() ? null : "closing the priming copy's " + failures;
    }

    /**
     * Forgets what the snapshot might hold, then refills this function's caches on a background daemon thread and
     * returns at once: Lambda gives restore hooks 10 s and fails the restore past them, and a slow or failing KMS or
     * gateway must cost a caller no more than it would without the refill. The first invocation joins what is in
     * flight (each cache bounds that wait by the invocation's deadline); a failed refill leaves the lazy path.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        int forgotten = forgetAll();
        List<SnapshotSensitive> caches = new ArrayList<>(refillable.size());
        for (WeakReference<SnapshotSensitive> reference : refillable) {
            SnapshotSensitive cache = reference.get();
            if (cache != null) {
                caches.add(cache);
            }
        }
        lastRefill = startRefill(caches);
        LOG.atInfo().addKeyValue("function", function).addKeyValue("forgotten", forgotten)
                .addKeyValue("refilling", caches.size()).log("Restored from the snapshot");
    }

    /**
     * The priming copy's caches forgotten and refilled {@link #PRIMING_REFILLS} times on {@link #REFILLER}, all but
     * the first {@link #repeatUnlogged unlogged}, stopping at the first failure; the future completes with the last
     * refill.
     */
    private CompletableFuture<Refill> startPrimingRefills(List<SnapshotSensitive> primingCopy) {
        return CompletableFuture.supplyAsync(() -> {
            AtomicReference<Refill> last = new AtomicReference<>(primingRefill(primingCopy));
            if (last.get().failures().isEmpty()) {
                try {
                    repeatUnlogged(PRIMING_REFILLS - 1, () -> {
                        Refill refill = primingRefill(primingCopy);
                        last.set(refill);
                        if (!refill.failures().isEmpty()) {
                            throw new IllegalStateException("stopped at a failed refill");
                        }
                    });
                } catch (Exception stopped) {
                    // The failed refill is in last, reported by beforeCheckpoint.
                }
            }
            return last.get();
        }, REFILLER);
    }

    private Refill primingRefill(List<SnapshotSensitive> primingCopy) {
        primingCopy.forEach(SnapshotSensitive::forget);
        return refill(primingCopy);
    }

    /**
     * Refills {@code caches} in order on {@link #REFILLER} and logs the outcome; the future completes when it has,
     * failed or not.
     */
    private CompletableFuture<Refill> startRefill(List<SnapshotSensitive> caches) {
        return CompletableFuture.supplyAsync(() -> {
            Refill refill = refill(caches);
            log(refill);
            return refill;
        }, REFILLER);
    }

    private Refill refill(List<SnapshotSensitive> caches) {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (SnapshotSensitive cache : caches) {
            try {
                cache.refill();
            } catch (RuntimeException | LinkageError e) {
                // The exception names the cause (KMS refusing, the gateway unreachable), never the secret or a token.
                failures.add(cache.getClass().getSimpleName() + ": " + e);
            }
        }
        return new Refill(caches.size(), List.copyOf(failures), Duration.ofNanos(System.nanoTime() - started));
    }

    private void log(Refill refill) {
        List<String> failures = refill.failures();
        if (failures.isEmpty()) {
            LOG.atInfo().addKeyValue("function", function).addKeyValue("caches", refill.caches())
                    .addKeyValue("durationMs", refill.took().toMillis()).log("Refilled the secret and token after the restore");
        } else {
            LOG.atWarn().addKeyValue("function", function).addKeyValue("caches", refill.caches())
                    .addKeyValue("problem", String.join("; ", failures)).addKeyValue("durationMs", refill.took().toMillis())
                    .log("Refill after the restore failed; the first invocation decrypts and authenticates for itself");
        }
    }

    public Report lastReport() {
        return lastReport;
    }

    /** The background refill the last {@link #afterRestore} started, or null before any restore. */
    public CompletableFuture<Refill> lastRefill() {
        return lastRefill;
    }

    /**
     * The function's environment with every endpoint on the loopback, made-up AWS credentials and secret ciphertext,
     * and no SnapStart marker (the copy must not register a hook of its own).
     */
    static Map<String, String> loopbackEnvironment(Map<String, String> env, LoopbackServices loopback) {
        Map<String, String> copy = new HashMap<>(env);
        String endpoint = loopback.endpoint().toString();
        copy.remove(INITIALIZATION_TYPE);
        copy.remove(AwsEnvironment.SESSION_TOKEN);
        copy.remove(AwsEnvironment.CONTAINER_CREDENTIALS_FULL_URI);
        copy.remove(AccessKeySecrets.ACCESS_KEY_SECRET);
        copy.put(AwsEnvironment.ACCESS_KEY_ID, "AKIDPRIMING");
        copy.put(AwsEnvironment.SECRET_ACCESS_KEY, "priming-not-a-key");
        copy.putIfAbsent(AwsEnvironment.REGION, "eu-west-2");
        copy.put(AwsEnvironment.ENDPOINT_URL, endpoint);
        for (String service : new String[] {AwsEnvironment.KMS, AwsEnvironment.LAMBDA, AwsEnvironment.KINESIS_VIDEO,
                AwsEnvironment.CONNECT}) {
            copy.put(AwsEnvironment.ENDPOINT_URL + "_" + service, endpoint);
        }
        copy.put(GatewayConfig.GATEWAY_URL, endpoint);
        copy.putIfAbsent(GatewayConfig.SUPPLIER_CODE, "PRIMING");
        copy.putIfAbsent(GatewayConfig.ENTERPRISE_CODE, "PRIMING");
        copy.put(GatewayConfig.ACCESS_KEY_ID, "PRIMING");
        copy.put(AccessKeySecrets.ACCESS_KEY_SECRET_CIPHERTEXT, LoopbackServices.PRIMING_CIPHERTEXT);
        return Map.copyOf(copy);
    }
}
