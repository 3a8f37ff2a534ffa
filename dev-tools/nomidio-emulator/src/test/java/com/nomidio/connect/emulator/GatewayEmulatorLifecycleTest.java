package com.nomidio.connect.emulator;

import static com.nomidio.connect.emulator.AudioFixtures.SILENCE;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_A_PASSPHRASE;
import static com.nomidio.connect.emulator.AudioFixtures.VOICE_B_PASSPHRASE;
import static com.nomidio.connect.emulator.AudioFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.Challenge;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.emulator.state.ChallengeInspection;
import com.nomidio.connect.emulator.state.ChallengeStore;
import com.nomidio.connect.emulator.state.FaceCheck;
import com.nomidio.connect.emulator.voice.Verification.Verdict;
import com.nomidio.connect.time.Deadline;
import com.nomidio.connect.gateway.GatewayConfig;
import com.nomidio.connect.gateway.GatewayError;
import com.nomidio.connect.gateway.GatewayException;
import com.nomidio.connect.gateway.HttpNomidioGateway;
import com.nomidio.connect.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real client, HttpNomidioGateway, through the whole gateway lifecycle against the emulator. */
class GatewayEmulatorLifecycleTest {

    private static final String ENROLLED_A = "+447700900001";
    private static final String CONTACT = "contact-0001";

    private MutableClock clock;
    private GatewayEmulator emulator;
    private HttpNomidioGateway gateway;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.now());
        emulator = GatewayEmulator.builder()
                .clock(clock)
                .settings(s -> s.verificationDelay(Duration.ofMillis(50)).faceCheckDelay(Duration.ofMillis(50)))
                .build()
                .start(0);
        gateway = new HttpNomidioGateway(emulator.clientConfig(), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "+447700900001, NID-ENROLLED-A,   ENROLLED,          null",
            "+447700900002, NID-TACWARN-A,    TAC_WARN,          null",
            "+447700900003, NID-AWAITING-A,   AWAITING_APPROVAL, null",
            "+447700900004, null,             INVITED,           null",
            "+447700900005, null,             PENDING,           null",
            "+447700900006, NID-EXISTS,       EXISTS,            null",
            "+447700900007, NID-OPTEDOUT,     OPTED_OUT,         null",
            "+447700900008, NID-BLOCKED-A,    BLOCKED,           null",
            "+447700900009, NID-TACEXPIRED,   TAC_EXPIRED,       null",
            "+447700900010, NID-FRAUDWARN-A,  ENROLLED,          FRAUD_WARNING",
            "+447700900011, NID-SUSPECT-A,    ENROLLED,          SUSPECTED_FRAUD",
            "+447700900013, null,             INVITATION_SENT,   null",
            "+447700900999, null,             NOT_FOUND,         null"})
    void identify_whenSeededCallerCalls_returnsTheirIdentity(String phone, String nomidioId, NomidioStatus status,
                                                             FraudFlag flag) {
        Identity identity = gateway.identify(Subject.phone(phone), deadline());

        assertThat(identity).isEqualTo(new Identity(nomidioId, status, flag));
    }

    @Test
    void identify_whenChatCustomerGivesReference_findsThemCaseInsensitively() {
        assertThat(gateway.identify(Subject.customerReference("cust-1012"), deadline()))
                .isEqualTo(new Identity("NID-ENROLLED-B", NomidioStatus.ENROLLED, null));
        assertThat(gateway.identify(Subject.customerReference("CUST-404"), deadline()).status())
                .isEqualTo(NomidioStatus.NOT_FOUND);
    }

    @Test
    void token_whenManyCallsAreMade_isIssuedOnceAndReused() {
        gateway.identify(Subject.phone(ENROLLED_A), deadline());
        gateway.identify(Subject.phone("+447700900002"), deadline());
        gateway.identify(Subject.nomidioId("NID-EXISTS"), deadline());

        assertThat(emulator.tokensIssued()).isEqualTo(1);
    }

    @Test
    void token_whenExpiredAtTheGateway_isRefusedAndTheClientAuthenticatesAgain() {
        gateway.identify(Subject.phone(ENROLLED_A), deadline());
        clock.advance(Duration.ofHours(2));

        Identity identity = gateway.identify(Subject.phone(ENROLLED_A), deadline());

        assertThat(identity.status()).isEqualTo(NomidioStatus.ENROLLED);
        assertThat(emulator.tokensIssued()).isEqualTo(2);
    }

    @Test
    void token_whenSecretIsWrong_isRefusedWithBadCredentials() {
        GatewayConfig good = emulator.clientConfig();
        HttpNomidioGateway wrong = new HttpNomidioGateway(new GatewayConfig(good.baseUri(), good.supplierCode(),
                good.enterpriseCode(), good.accessKeyId(), () -> "not-the-secret", null), new ObjectMapper());

        assertThatThrownBy(() -> wrong.identify(Subject.phone(ENROLLED_A), deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isEqualTo(GatewayError.BAD_CREDENTIALS);
                    assertThat(e.operation()).isEqualTo("issueToken");
                });
        assertThat(emulator.tokensIssued()).isZero();
    }

    @Test
    void calls_whenEnterpriseCodeIsNotTheEmulators_areRefusedWithBadCredentials() {
        GatewayConfig good = emulator.clientConfig();
        HttpNomidioGateway other = new HttpNomidioGateway(new GatewayConfig(good.baseUri(), good.supplierCode(),
                "ENT-OTHER", good.accessKeyId(), good.accessKeySecret(), null), new ObjectMapper());

        assertThatThrownBy(() -> other.identify(Subject.phone(ENROLLED_A), deadline()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.BAD_CREDENTIALS));
    }

    @Test
    void invite_whenCallerIsUnknown_sendsInvitationAndRemembersIt() {
        String unknown = "+447700900500";

        Identity invited = gateway.invite(unknown, CONTACT, deadline());

        assertThat(invited).isEqualTo(Identity.ofStatus(NomidioStatus.INVITATION_SENT));
        assertThat(gateway.identify(Subject.phone(unknown), deadline()).status()).isEqualTo(NomidioStatus.INVITATION_SENT);
    }

    @Test
    void invite_whenCallerIsEnrolled_isRefusedAsInvalidState() {
        assertThatThrownBy(() -> gateway.invite(ENROLLED_A, CONTACT, deadline()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
    }

    @Test
    void optOut_whenCallerIsKnown_makesThemOptedOut() {
        Identity identity = gateway.optOut(Subject.phone("+447700900004"), CONTACT, deadline());

        assertThat(identity.status()).isEqualTo(NomidioStatus.OPTED_OUT);
        assertThat(gateway.identify(Subject.phone("+447700900004"), deadline()).status()).isEqualTo(NomidioStatus.OPTED_OUT);
    }

    @Test
    void optOut_whenNumberIsUnknown_remembersItAsOptedOut() {
        Identity identity = gateway.optOut(Subject.phone("+447700900777"), CONTACT, deadline());

        assertThat(identity.status()).isEqualTo(NomidioStatus.OPTED_OUT);
        assertThat(gateway.identify(Subject.phone("+447700900777"), deadline()).status()).isEqualTo(NomidioStatus.OPTED_OUT);
    }

    @Test
    void optOut_whenNomidioIdIsUnknown_isNotFound() {
        assertThatThrownBy(() -> gateway.optOut(Subject.nomidioId("NID-NOBODY"), CONTACT, deadline()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
    }

    @Test
    void challenge_whenEnrolledVoiceSpeaks_passes() {
        Challenge challenge = gateway.createChallenge("NID-ENROLLED-A", AuthLevel.STANDARD, Channel.VOICE, CONTACT, deadline());
        assertThat(challenge.status()).isEqualTo(ChallengeStatus.PENDING);

        gateway.uploadSample(challenge.challengeId(), wav(VOICE_A_PASSPHRASE), deadline());
        ChallengeResult result = gateway.challengeResult(challenge.challengeId(), Duration.ofSeconds(8), deadline());

        assertThat(result).isEqualTo(new ChallengeResult(challenge.challengeId(), ChallengeStatus.PASSED, AuthLevel.STANDARD, null,
                "NID-ENROLLED-A", CONTACT, NomidioStatus.ENROLLED, null));
        ChallengeInspection seen = emulator.challenge(challenge.challengeId()).orElseThrow();
        assertThat(seen.sampleBytes()).isEqualTo(wav(VOICE_A_PASSPHRASE).length);
        assertThat(seen.verification().verdict()).isEqualTo(Verdict.MATCH);
        assertThat(seen.verification().score()).isGreaterThanOrEqualTo(seen.verification().threshold());
        assertThat(seen.contactId()).isEqualTo(CONTACT);
    }

    @Test
    void challenge_whenAnotherVoiceSpeaks_fails() {
        String id = challenge("NID-ENROLLED-A", AuthLevel.STANDARD);

        gateway.uploadSample(id, wav(VOICE_B_PASSPHRASE), deadline());

        assertThat(gateway.challengeResult(id, Duration.ofSeconds(8), deadline()).status()).isEqualTo(ChallengeStatus.FAILED);
        ChallengeInspection seen = emulator.challenge(id).orElseThrow();
        assertThat(seen.verification().verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(seen.verification().score()).isLessThan(seen.verification().threshold());
    }

    @Test
    void challenge_whenVoiceBIsEnrolled_passesVoiceBAndFailsVoiceA() {
        String withB = challenge("NID-ENROLLED-B", AuthLevel.STANDARD);
        String withA = challenge("NID-ENROLLED-B", AuthLevel.STANDARD);

        gateway.uploadSample(withB, wav(VOICE_B_PASSPHRASE), deadline());
        gateway.uploadSample(withA, wav(VOICE_A_PASSPHRASE), deadline());

        assertThat(gateway.challengeResult(withB, Duration.ofSeconds(8), deadline()).status()).isEqualTo(ChallengeStatus.PASSED);
        assertThat(gateway.challengeResult(withA, Duration.ofSeconds(8), deadline()).status()).isEqualTo(ChallengeStatus.FAILED);
    }

    @Test
    void challenge_whenSampleIsSilence_failsForLackOfSpeech() {
        String id = challenge("NID-ENROLLED-A", AuthLevel.STANDARD);

        gateway.uploadSample(id, wav(SILENCE), deadline());

        assertThat(gateway.challengeResult(id, Duration.ofSeconds(8), deadline()).status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(emulator.challenge(id).orElseThrow().verification().verdict()).isEqualTo(Verdict.INSUFFICIENT_SPEECH);
    }

    @Test
    void challenge_whenIdentityHasNoVoiceprint_fails() {
        String id = challenge("NID-NOVOICE", AuthLevel.STANDARD);

        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());

        assertThat(gateway.challengeResult(id, Duration.ofSeconds(8), deadline()).status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(emulator.challenge(id).orElseThrow().verification().verdict()).isEqualTo(Verdict.NOT_ENROLLED);
    }

    @Test
    void challenge_whenCancelled_readsTimeoutWithTheReasonAndTakesNoMoreSamples() {
        String id = challenge("NID-ENROLLED-A", AuthLevel.STANDARD);

        ChallengeResult cancelled = gateway.cancelChallenge(id, CancelReason.INSUFFICIENT_AUDIO, deadline());

        assertThat(cancelled).isEqualTo(new ChallengeResult(id, ChallengeStatus.TIMEOUT, AuthLevel.STANDARD, "INSUFFICIENT_AUDIO",
                "NID-ENROLLED-A", CONTACT, NomidioStatus.ENROLLED, null));
        assertThat(gateway.challengeResult(id, Duration.ZERO, deadline())).isEqualTo(cancelled);
        assertThatThrownBy(() -> gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
        assertThatThrownBy(() -> gateway.cancelChallenge(id, CancelReason.CALLER_HUNG_UP, deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
    }

    @Test
    void challenge_whenSecondSampleArrives_isRefusedAsInvalidState() {
        String id = challenge("NID-ENROLLED-A", AuthLevel.STANDARD);
        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());

        assertThatThrownBy(() -> gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
    }

    @Test
    void challenge_whenLifetimeHasPassed_readsTimeoutExpired() {
        String id = challenge("NID-ENROLLED-A", AuthLevel.STANDARD);
        clock.advance(emulator.settings().challengeLifetime());

        ChallengeResult result = gateway.challengeResult(id, Duration.ZERO, deadline());

        assertThat(result).isEqualTo(new ChallengeResult(id, ChallengeStatus.TIMEOUT, AuthLevel.STANDARD, ChallengeStore.EXPIRED,
                "NID-ENROLLED-A", CONTACT, NomidioStatus.ENROLLED, null));
        assertThatThrownBy(() -> gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
    }

    @Test
    void challengeResult_whenLifetimeRunsOutDuringLongPoll_answersTimeoutExpired() {
        GatewayEmulator realTime = GatewayEmulator.builder()
                .settings(s -> s.challengeLifetime(Duration.ofSeconds(1)))
                .build().start(0);
        try {
            HttpNomidioGateway client = new HttpNomidioGateway(realTime.clientConfig(), new ObjectMapper());
            String id = client.createChallenge("NID-ENROLLED-A", AuthLevel.STANDARD, Channel.VOICE, CONTACT, deadline())
                    .challengeId();

            ChallengeResult result = client.challengeResult(id, Duration.ofSeconds(6), deadline());

            assertThat(result.status()).isEqualTo(ChallengeStatus.TIMEOUT);
            assertThat(result.reason()).isEqualTo(ChallengeStore.EXPIRED);
        } finally {
            realTime.close();
        }
    }

    @Test
    void challengeResult_whenStillPending_waitsThenAnswersPending() {
        String id = challenge("NID-ENROLLED-A", AuthLevel.STANDARD);
        long started = System.nanoTime();

        ChallengeResult result = gateway.challengeResult(id, Duration.ofSeconds(1), deadline());

        assertThat(result.status()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(emulator.challenge(id).orElseThrow().resultReads()).isEqualTo(1);
    }

    @Test
    void challengeResult_whenResultBecomesFinalDuringLongPoll_answersAtOnce() throws Exception {
        String id = challenge("NID-ENROLLED-A", AuthLevel.STANDARD);
        long started = System.nanoTime();
        CompletableFuture<ChallengeResult> poll = CompletableFuture.supplyAsync(
                () -> gateway.challengeResult(id, Duration.ofSeconds(20), Deadline.after(Duration.ofSeconds(30))));
        awaitResultRead(id);

        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());
        ChallengeResult result = poll.get(30, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(ChallengeStatus.PASSED);
        // Well below the 20 s asked for (the contract's longest wait; the verdict takes well under a second even on a
        // loaded machine): the poll was woken by the verdict, not by its wait running out.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void createChallenge_whenStatusIsNotAuthenticated_isRefusedAsInvalidState() {
        assertThatThrownBy(() -> challenge("NID-EXISTS", AuthLevel.STANDARD))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
        assertThatThrownBy(() -> challenge("NID-BLOCKED-A", AuthLevel.STANDARD))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
    }

    @Test
    void createChallenge_whenNomidioIdIsUnknown_isNotFound() {
        assertThatThrownBy(() -> challenge("NID-NOBODY", AuthLevel.STANDARD))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
    }

    @Test
    void enrol_whenAwaitingApprovalPassedHighChallenge_enrols() {
        String id = challenge("NID-AWAITING-A", AuthLevel.HIGH);
        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());
        assertThat(finalResult(id).status()).isEqualTo(ChallengeStatus.PASSED);
        assertThat(emulator.challenge(id).orElseThrow().faceCheck()).isEqualTo("PASSED");

        Identity enrolled = gateway.enrol("NID-AWAITING-A", id, deadline());

        assertThat(enrolled).isEqualTo(new Identity("NID-AWAITING-A", NomidioStatus.ENROLLED, null));
        assertThatThrownBy(() -> gateway.enrol("NID-AWAITING-A", id, deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
    }

    @Test
    void enrol_whenChallengeWasOnlyStandard_isRefusedAsInvalidState() {
        String id = challenge("NID-AWAITING-A", AuthLevel.STANDARD);
        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());
        assertThat(gateway.challengeResult(id, Duration.ofSeconds(8), deadline()).status()).isEqualTo(ChallengeStatus.PASSED);

        assertThatThrownBy(() -> gateway.enrol("NID-AWAITING-A", id, deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
    }

    @Test
    void enrol_whenIdentityIsAlreadyEnrolledOrUnknown_isRefused() {
        String id = challenge("NID-ENROLLED-A", AuthLevel.HIGH);
        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());
        assertThat(finalResult(id).status()).isEqualTo(ChallengeStatus.PASSED);

        assertThatThrownBy(() -> gateway.enrol("NID-ENROLLED-A", id, deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.INVALID_STATE));
        assertThatThrownBy(() -> gateway.enrol("NID-NOBODY", id, deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
    }

    @Test
    void challengeResult_whenHighVoicePasses_wakesTheLongPollWithTheFaceCheckAwaited() {
        emulator.settings().faceCheck(FaceCheck.NEVER);
        String id = challenge("NID-AWAITING-A", AuthLevel.HIGH);
        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());

        // Issue 12: the long-poll answers as soon as the voice part passes, so the flow can ask for the face check.
        ChallengeResult awaited = gateway.challengeResult(id, Duration.ofSeconds(8), deadline());
        assertThat(awaited.status()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(awaited.faceCheckPending()).isTrue();
        // A later poll already knows: it waits for the end (here it never comes) instead of answering at once again.
        ChallengeResult later = gateway.challengeResult(id, Duration.ofSeconds(1), deadline());
        assertThat(later.status()).isEqualTo(ChallengeStatus.PENDING);
        assertThat(emulator.challenge(id).orElseThrow().resultReads()).isEqualTo(2);
    }

    /** Long-polls until the challenge is over: a HIGH one answers PENDING once, when its face check becomes awaited. */
    private ChallengeResult finalResult(String id) {
        ChallengeResult result = gateway.challengeResult(id, Duration.ofSeconds(8), deadline());
        for (int polls = 1; polls < 3 && result.status() == ChallengeStatus.PENDING; polls++) {
            result = gateway.challengeResult(id, Duration.ofSeconds(8), deadline());
        }
        return result;
    }

    @Test
    void highChallenge_whenFaceCheckFails_failsAfterTheVoicePassed() {
        emulator.settings().faceCheck(FaceCheck.FAIL);
        String id = challenge("NID-AWAITING-A", AuthLevel.HIGH);

        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());

        assertThat(finalResult(id).status()).isEqualTo(ChallengeStatus.FAILED);
        ChallengeInspection seen = emulator.challenge(id).orElseThrow();
        assertThat(seen.verification().verdict()).isEqualTo(Verdict.MATCH);
        assertThat(seen.faceCheck()).isEqualTo("FAILED");
    }

    @Test
    void highChallenge_whenFaceNeverShows_staysPendingUntilItExpires() throws InterruptedException {
        emulator.settings().faceCheck(FaceCheck.NEVER);
        String id = challenge("NID-ENROLLED-A", AuthLevel.HIGH);
        gateway.uploadSample(id, wav(VOICE_A_PASSPHRASE), deadline());
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"PENDING".equals(emulator.challenge(id).orElseThrow().faceCheck()) && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }

        assertThat(gateway.challengeResult(id, Duration.ofSeconds(1), deadline()).status()).isEqualTo(ChallengeStatus.PENDING);
        clock.advance(emulator.settings().challengeLifetime());
        ChallengeResult result = gateway.challengeResult(id, Duration.ZERO, deadline());

        assertThat(result.status()).isEqualTo(ChallengeStatus.TIMEOUT);
        assertThat(emulator.challenge(id).orElseThrow().verification().verdict()).isEqualTo(Verdict.MATCH);
    }

    @Test
    void setBlocked_whenEnrolledCallerIsBlockedThenUnblocked_getsTheirStatusBack() {
        assertThat(gateway.setBlocked(ENROLLED_A, true, deadline()).status()).isEqualTo(NomidioStatus.BLOCKED);
        assertThat(gateway.identify(Subject.phone(ENROLLED_A), deadline()).status()).isEqualTo(NomidioStatus.BLOCKED);

        Identity unblocked = gateway.setBlocked(ENROLLED_A, false, deadline());

        assertThat(unblocked).isEqualTo(new Identity("NID-ENROLLED-A", NomidioStatus.ENROLLED, null));
    }

    @Test
    void setBlocked_whenNumberIsUnknown_blocksItAndUnblockingForgetsIt() {
        String unknown = "+447700900600";

        assertThat(gateway.setBlocked(unknown, true, deadline())).isEqualTo(Identity.ofStatus(NomidioStatus.BLOCKED));
        assertThat(gateway.identify(Subject.phone(unknown), deadline()).status()).isEqualTo(NomidioStatus.BLOCKED);
        assertThat(gateway.setBlocked(unknown, false, deadline())).isEqualTo(Identity.ofStatus(NomidioStatus.NOT_FOUND));
    }

    @Test
    void setBlocked_whenSeededBlockedCallerIsUnblocked_returnsToEnrolled() {
        assertThat(gateway.setBlocked("+447700900008", false, deadline()).status()).isEqualTo(NomidioStatus.ENROLLED);
    }

    @Test
    void setFraudFlag_whenSetThenCleared_showsThenDropsSuspectedFraud() {
        assertThat(gateway.setFraudFlag(Subject.phone(ENROLLED_A), true, deadline()).fraudFlag())
                .isEqualTo(FraudFlag.SUSPECTED_FRAUD);
        assertThat(gateway.identify(Subject.phone(ENROLLED_A), deadline()).fraudFlag()).isEqualTo(FraudFlag.SUSPECTED_FRAUD);

        assertThat(gateway.setFraudFlag(Subject.nomidioId("NID-ENROLLED-A"), false, deadline()).fraudFlag()).isNull();
        assertThat(gateway.identify(Subject.phone(ENROLLED_A), deadline()).fraudFlag()).isNull();
    }

    @Test
    void setFraudFlag_whenNomidioWarningIsConfirmedOrCleared_replacesIt() {
        assertThat(gateway.setFraudFlag(Subject.phone("+447700900010"), true, deadline()).fraudFlag())
                .isEqualTo(FraudFlag.SUSPECTED_FRAUD);
        assertThat(gateway.setFraudFlag(Subject.phone("+447700900010"), false, deadline()).fraudFlag()).isNull();
    }

    @Test
    void setFraudFlag_whenCallerIsUnknown_isNotFound() {
        assertThatThrownBy(() -> gateway.setFraudFlag(Subject.phone("+447700900778"), true, deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.NOT_FOUND));
    }

    @Test
    void freeTrialLimit_whenReached_refusesIdentifyInviteAndChallengeWith402() {
        emulator.settings().freeTrialLimitReached(true);

        assertThatThrownBy(() -> gateway.identify(Subject.phone(ENROLLED_A), deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.FREE_TRIAL_LIMIT));
        assertThatThrownBy(() -> gateway.invite("+447700900501", CONTACT, deadline()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.FREE_TRIAL_LIMIT));
        assertThatThrownBy(() -> challenge("NID-ENROLLED-A", AuthLevel.STANDARD))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(GatewayError.FREE_TRIAL_LIMIT));
    }

    @Test
    void reset_whenStateChanged_returnsToTheSeed() {
        gateway.setBlocked(ENROLLED_A, true, deadline());
        emulator.settings().freeTrialLimitReached(true);

        emulator.reset();

        assertThat(gateway.identify(Subject.phone(ENROLLED_A), deadline()).status()).isEqualTo(NomidioStatus.ENROLLED);
        assertThat(emulator.settings().freeTrialLimitReached()).isFalse();
    }

    private String challenge(String nomidioId, AuthLevel level) {
        return gateway.createChallenge(nomidioId, level, Channel.VOICE, CONTACT, deadline()).challengeId();
    }

    private void awaitResultRead(String challengeId) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emulator.challenge(challengeId).orElseThrow().resultReads() == 0 && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(emulator.challenge(challengeId).orElseThrow().resultReads()).isEqualTo(1);
    }
}
