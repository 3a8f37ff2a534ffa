package com.nomidio.connect.gateway;

import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.Challenge;
import com.nomidio.connect.domain.ChallengeResult;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.Identity;
import com.nomidio.connect.domain.Subject;
import com.nomidio.connect.time.Deadline;
import java.time.Duration;

/**
 * The Nomidio IDaaS Connect Gateway, one method per operation of {@code nomidio-gateway-openapi.yaml}.
 * Every method returns by its deadline or throws {@link GatewayException}.
 */
public interface NomidioGateway {

    Identity identify(Subject subject, Deadline deadline);

    Identity invite(String e164PhoneNumber, String contactId, Deadline deadline);

    Identity optOut(Subject subject, String contactId, Deadline deadline);

    Challenge createChallenge(String nomidioId, AuthLevel level, Channel channel, String contactId, Deadline deadline);

    void uploadSample(String challengeId, byte[] wav, Deadline deadline);

    ChallengeResult cancelChallenge(String challengeId, CancelReason reason, Deadline deadline);

    /** Long-polls for up to {@code wait} (cut to what the deadline allows) for the result to leave PENDING. */
    ChallengeResult challengeResult(String challengeId, Duration wait, Deadline deadline);

    Identity enrol(String nomidioId, String challengeId, Deadline deadline);

    Identity setBlocked(String e164PhoneNumber, boolean blocked, Deadline deadline);

    /** Sets SUSPECTED_FRAUD ({@code suspected} true) or clears any flag. */
    Identity setFraudFlag(Subject subject, boolean suspected, Deadline deadline);
}
