package com.nomidio.connect.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $.} references against a contact, as the flows write them. */
class ContactPathsTest {

    private static final String QUEUE = "arn:aws:connect:eu-west-2:111122223333:instance/simulated-instance/queue/BasicQueue";

    private final ObjectNode root = contact().referenceRoot();

    private static Contact contact() {
        Contact contact = new Contact("c-1", Contact.CHANNEL_VOICE, "+447700900001", SimulatedInstance.defaults(),
                Map.of("nomidio_status", "ENROLLED", "customer tier", "gold", "empty", ""));
        contact.queueArn(QUEUE);
        contact.audio(new Contact.CustomerAudioStream("arn:aws:kinesisvideo:eu-west-2:1:stream/s/1", "9123", 1_700_000_000_000L,
                null, null));
        ObjectNode external = new ObjectMapper().createObjectNode().put("nomidio_challenge_result", "PENDING");
        contact.external(external);
        contact.flowAttributes().put("vmx3_queue", "q");
        return contact;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "$.Attributes.nomidio_status | ENROLLED",
        "$.Attributes['customer tier'] | gold",
        "$.Attributes.[\"customer tier\"] | gold",
        "$['Attributes']['nomidio_status'] | ENROLLED",
        "$.External.nomidio_challenge_result | PENDING",
        "$.FlowAttributes.vmx3_queue | q",
        "$.MediaStreams.Customer.Audio.StartFragmentNumber | 9123",
        "$.MediaStreams.Customer.Audio.StartTimestamp | 1700000000000",
        "$.Queue.Name | BasicQueue",
        "$.Queue.ARN | " + QUEUE,
        "$.CustomerEndpoint.Address | +447700900001",
        "$.Channel | VOICE",
        "$.ContactId | c-1"})
    void resolve_whenTheReferenceNamesAValue_givesIt(String reference, String expected) {
        assertThat(ContactPaths.isReference(reference)).isTrue();
        assertThat(ContactPaths.resolve(root, reference)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"$.Attributes.nomidio_id", "$.External.missing", "$.MediaStreams.Customer", "$.Attributes",
        "$.CustomerId"})
    void resolve_whenTheReferenceNamesNoValue_isEmpty(String reference) {
        assertThat(ContactPaths.resolve(root, reference)).isEmpty();
    }

    @Test
    void resolve_whenTheValueIsEmpty_givesTheEmptyString() {
        assertThat(ContactPaths.resolve(root, "$.Attributes.empty")).contains("");
    }

    @Test
    void interpolate_whenPromptTextHoldsReferences_replacesEach() {
        assertThat(ContactPaths.interpolate(root, "You are in $.Queue.Name as a $.Attributes.nomidio_status caller."))
                .isEqualTo("You are in BasicQueue as a ENROLLED caller.");
    }

    @Test
    void isReference_whenTextIsNotOne_isFalse() {
        assertThat(ContactPaths.isReference("arn:aws:connect:x")).isFalse();
        assertThat(ContactPaths.isReference("costs $.5")).isFalse();
        assertThat(ContactPaths.isReference("")).isFalse();
    }
}
