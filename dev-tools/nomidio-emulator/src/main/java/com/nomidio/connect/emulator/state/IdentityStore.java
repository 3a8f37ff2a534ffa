package com.nomidio.connect.emulator.state;

import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.NomidioStatus;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.emulator.voice.EnrolmentRecordings;
import com.nomidio.connect.emulator.voice.SampleVerifier;
import com.nomidio.connect.emulator.voice.Voiceprint;
import com.nomidio.connect.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The callers the emulator knows, seeded from a {@link Seed} and changed by the contract's operations. */
public final class IdentityStore {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityStore.class);
    /** The contract's PhoneNumber pattern (E.164). */
    public static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    /** Callers who have no enterprise relationship yet, to whom an SMS invitation can (again) be sent. */
    private static final Set<NomidioStatus> INVITABLE = EnumSet.of(NomidioStatus.NOT_FOUND, NomidioStatus.INVITED,
            NomidioStatus.INVITATION_SENT, NomidioStatus.PENDING, NomidioStatus.EXISTS);

    /** A seeded caller as the admin API lists it. */
    public record Listing(String caller, String phoneNumber, String customerReference, String nomidioId,
                          NomidioStatus status, FraudFlag fraudFlag, String voiceprint) {
    }

    private final List<Seed.SeedIdentity> seeded;
    private final Map<String, Voiceprint> voiceprints = new HashMap<>();
    private final List<IdentityRecord> records = new ArrayList<>();
    private final Map<IdentityRecord, String> callers = new HashMap<>();

    public IdentityStore(List<Seed.SeedIdentity> seeded, SampleVerifier verifier, EnrolmentRecordings recordings) {
        this.seeded = List.copyOf(seeded);
        for (Seed.SeedIdentity identity : seeded) {
            String name = identity.voiceprint();
            if (name != null && !voiceprints.containsKey(name)) {
                voiceprints.put(name, verifier.enrol(recordings.read(name)));
            }
        }
        reset();
    }

    /** Back to the seeded state. */
    public synchronized void reset() {
        records.clear();
        callers.clear();
        for (Seed.SeedIdentity seed : seeded) {
            IdentityRecord record = toRecord(seed);
            for (IdentityRecord existing : records) {
                requireDistinct(existing.phoneNumber, record.phoneNumber, "phoneNumber");
                requireDistinct(existing.customerReference, record.customerReference, "customerReference");
                requireDistinct(existing.nomidioId, record.nomidioId, "nomidioId");
            }
            records.add(record);
            callers.put(record, seed.caller());
        }
        LOG.atInfo().addKeyValue("count", records.size()).addKeyValue("voiceprints", voiceprints.size())
                .log("Identities seeded");
    }

    public synchronized Identity identify(Subject subject) {
        return find(subject).map(IdentityRecord::view).orElse(Identity.ofStatus(NomidioStatus.NOT_FOUND));
    }

    public synchronized Identity invite(String phoneNumber) {
        Optional<IdentityRecord> found = find(Subject.phone(phoneNumber));
        if (found.isEmpty()) {
            IdentityRecord record = new IdentityRecord(null, phoneNumber, null, NomidioStatus.INVITATION_SENT,
                    false, null, null, null);
            records.add(record);
            return record.view();
        }
        IdentityRecord record = found.get();
        if (record.blocked || !INVITABLE.contains(record.status)) {
            throw ApiException.invalidState("a caller with status " + record.effectiveStatus() + " cannot be invited");
        }
        record.status = NomidioStatus.INVITATION_SENT;
        return record.view();
    }

    /**
     * Opting out changes the status under a block too: the caller stays BLOCKED until unblocked. A phone number
     * Nomidio does not know is remembered as opted out (as an invitation to one is remembered): the flows offer
     * NOT_FOUND callers the opt-out, and the choice must stick. An unknown Nomidio ID or reference is 404.
     */
    public synchronized Identity optOut(Subject subject) {
        Optional<IdentityRecord> found = find(subject);
        if (found.isEmpty() && subject.phoneNumber() != null) {
            IdentityRecord record = new IdentityRecord(null, subject.phoneNumber(), null, NomidioStatus.OPTED_OUT,
                    false, null, null, null);
            records.add(record);
            return record.view();
        }
        IdentityRecord record = found.orElseThrow(() -> ApiException.notFound("no such caller"));
        record.status = NomidioStatus.OPTED_OUT;
        return record.view();
    }

    public synchronized Identity setBlocked(String phoneNumber, boolean blocked) {
        Optional<IdentityRecord> found = find(Subject.phone(phoneNumber));
        if (found.isEmpty()) {
            if (!blocked) {
                return Identity.ofStatus(NomidioStatus.NOT_FOUND);
            }
            IdentityRecord record = new IdentityRecord(null, phoneNumber, null, NomidioStatus.NOT_FOUND,
                    true, null, null, null);
            records.add(record);
            return record.view();
        }
        found.get().blocked = blocked;
        return found.get().view();
    }

    public synchronized Identity setFraudFlag(Subject subject, FraudFlag flag) {
        IdentityRecord record = find(subject).orElseThrow(() -> ApiException.notFound("no such caller"));
        record.fraudFlag = flag;
        return record.view();
    }

    /** What a challenge for {@code nomidioId} is checked against; only the guide's "Authenticated" statuses qualify. */
    public synchronized Optional<Voiceprint> challengeable(String nomidioId) {
        IdentityRecord record = find(Subject.nomidioId(nomidioId))
                .orElseThrow(() -> ApiException.notFound("no identity with that nomidioId"));
        if (!record.effectiveStatus().canBeChallenged()) {
            throw ApiException.invalidState("a caller with status " + record.effectiveStatus() + " cannot be challenged");
        }
        return Optional.ofNullable(record.voiceprint);
    }

    /**
     * Enrols an AWAITING_APPROVAL identity; {@code passedHighChallenge} says whether the named challenge
     * justifies it (a passed HIGH challenge of this identity).
     */
    public synchronized Identity enrol(String nomidioId, boolean passedHighChallenge) {
        IdentityRecord record = find(Subject.nomidioId(nomidioId))
                .orElseThrow(() -> ApiException.notFound("no identity with that nomidioId"));
        if (record.effectiveStatus() != NomidioStatus.AWAITING_APPROVAL) {
            throw ApiException.invalidState("only AWAITING_APPROVAL can be enrolled, status is " + record.effectiveStatus());
        }
        if (!passedHighChallenge) {
            throw ApiException.invalidState("enrolment needs a passed HIGH challenge of this identity");
        }
        record.status = NomidioStatus.ENROLLED;
        return record.view();
    }

    public synchronized List<Listing> list() {
        return records.stream().map(r -> new Listing(callers.get(r), r.phoneNumber, r.customerReference, r.nomidioId,
                r.effectiveStatus(), r.fraudFlag, r.voiceprintName)).toList();
    }

    private Optional<IdentityRecord> find(Subject subject) {
        return records.stream().filter(r -> matches(r, subject)).findFirst();
    }

    private static boolean matches(IdentityRecord record, Subject subject) {
        if (subject.phoneNumber() != null) {
            return subject.phoneNumber().equals(record.phoneNumber);
        }
        if (subject.customerReference() != null) {
            return subject.customerReference().equalsIgnoreCase(record.customerReference == null ? "" : record.customerReference);
        }
        return subject.nomidioId().equals(record.nomidioId);
    }

    private IdentityRecord toRecord(Seed.SeedIdentity seed) {
        String label = seed.caller() == null ? String.valueOf(seed.nomidioId()) : seed.caller();
        if (seed.phoneNumber() == null && seed.customerReference() == null && seed.nomidioId() == null) {
            throw new IllegalArgumentException("seeded caller '" + label + "' has no phoneNumber, customerReference or nomidioId");
        }
        if (seed.phoneNumber() != null && !E164.matcher(seed.phoneNumber()).matches()) {
            throw new IllegalArgumentException("seeded caller '" + label + "' has a phone number that is not E.164 ("
                    + PhoneNumbers.mask(seed.phoneNumber()) + ")");
        }
        NomidioStatus status = parseStatus(seed.status(), label, "status");
        boolean blocked = status == NomidioStatus.BLOCKED;
        if (blocked) {
            status = seed.statusBeforeBlock() != null
                    ? parseStatus(seed.statusBeforeBlock(), label, "statusBeforeBlock")
                    : seed.nomidioId() != null ? NomidioStatus.EXISTS : NomidioStatus.NOT_FOUND;
        }
        FraudFlag flag = null;
        if (seed.fraudFlag() != null && !seed.fraudFlag().isBlank()) {
            try {
                flag = FraudFlag.valueOf(seed.fraudFlag());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("seeded caller '" + label + "' has unknown fraudFlag " + seed.fraudFlag(), e);
            }
        }
        return new IdentityRecord(seed.nomidioId(), seed.phoneNumber(), seed.customerReference(), status, blocked, flag,
                seed.voiceprint(), seed.voiceprint() == null ? null : voiceprints.get(seed.voiceprint()));
    }

    private static NomidioStatus parseStatus(String value, String label, String field) {
        return NomidioStatus.parse(value).orElseThrow(() -> new IllegalArgumentException(
                "seeded caller '" + label + "' has unknown " + field + " " + value));
    }

    private static void requireDistinct(String a, String b, String field) {
        if (a != null && a.equalsIgnoreCase(b)) {
            throw new IllegalArgumentException("two seeded callers share the same " + field);
        }
    }
}
