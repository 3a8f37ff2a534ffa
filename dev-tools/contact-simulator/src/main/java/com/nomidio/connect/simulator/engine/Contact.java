package com.nomidio.connect.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nomidio.connect.simulator.flows.SimulatedInstance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One contact as Amazon Connect holds it while flows run: system values, user-defined attributes
 * ({@code $.Attributes}), the last Lambda result ({@code $.External}), the last Lex bot's result ({@code $.Lex}),
 * the running flow's attributes ({@code $.FlowAttributes}), the target queue, live media streaming
 * ({@code $.MediaStreams}) and the stored customer input. A chat contact (channel CHAT) has no customer or system
 * endpoint. {@link #contactData} writes it in the shape of the Lambda event's {@code Details.ContactData}.
 */
public final class Contact {

    public static final String CHANNEL_VOICE = "VOICE";
    public static final String CHANNEL_CHAT = "CHAT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String contactId;
    private final String channel;
    private final String customerAddress;
    private final SimulatedInstance instance;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Map<String, String> flowAttributes = new LinkedHashMap<>();
    private ObjectNode external = JSON.createObjectNode();
    private String queueArn;
    private CustomerAudioStream audio;
    private String storedCustomerInput;
    private MediaFault mediaFault = MediaFault.NONE;
    /** The agent's contact this one was transferred from (a quick connect), else null. */
    private String previousContactId;
    private ObjectNode lex = JSON.createObjectNode();

    public Contact(String contactId, String channel, String customerAddress, SimulatedInstance instance,
            Map<String, String> initialAttributes) {
        this.contactId = contactId;
        this.channel = channel;
        this.customerAddress = customerAddress;
        this.instance = instance;
        this.attributes.putAll(initialAttributes);
    }

    public String contactId() {
        return contactId;
    }

    public String channel() {
        return channel;
    }

    public SimulatedInstance instance() {
        return instance;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Map<String, String> flowAttributes() {
        return flowAttributes;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** A new flow starts with no flow attributes: Connect scopes them to the flow that sets them. */
    void enterFlow() {
        flowAttributes = new LinkedHashMap<>();
    }

    public void external(ObjectNode result) {
        this.external = result == null ? JSON.createObjectNode() : result;
    }

    public ObjectNode external() {
        return external;
    }

    public String queueArn() {
        return queueArn;
    }

    public void queueArn(String arn) {
        this.queueArn = arn;
    }

    /**
     * This contact is the new segment a quick connect transfer creates: Connect gives it its own ContactId,
     * InitiationMethod TRANSFER, and the agent's contact as PreviousContactId and InitialContactId.
     */
    public void transferredFrom(String contactIdBefore) {
        this.previousContactId = contactIdBefore;
    }

    public MediaFault mediaFault() {
        return mediaFault;
    }

    public void mediaFault(MediaFault fault) {
        this.mediaFault = fault == null ? MediaFault.NONE : fault;
    }

    public CustomerAudioStream audio() {
        return audio;
    }

    public void audio(CustomerAudioStream stream) {
        this.audio = stream;
    }

    /**
     * What the last ConnectParticipantWithLexBot left for the flow: {@code $.Lex.IntentName},
     * {@code $.Lex.Slots.<slot>}, {@code $.Lex.SessionAttributes.<name>}.
     */
    public void lex(String intentName, Map<String, String> slots, Map<String, String> sessionAttributes) {
        ObjectNode node = JSON.createObjectNode();
        node.put("IntentName", intentName);
        node.set("Slots", JSON.valueToTree(slots));
        node.set("SessionAttributes", JSON.valueToTree(sessionAttributes));
        this.lex = node;
    }

    public boolean isChat() {
        return CHANNEL_CHAT.equals(channel);
    }

    public void storedCustomerInput(String input) {
        this.storedCustomerInput = input;
    }

    /** {@code Details.ContactData} of the Lambda event, as Connect builds it from the contact. */
    public ObjectNode contactData() {
        ObjectNode data = JSON.createObjectNode();
        data.set("Attributes", JSON.valueToTree(attributes));
        data.put("AwsRegion", instance.region());
        data.put("Channel", channel);
        data.put("ContactId", contactId);
        if (isChat()) {
            // A chat contact has no phone number: Connect sends CustomerEndpoint (and SystemEndpoint) as null.
            data.putNull("CustomerEndpoint");
        } else {
            ObjectNode customer = data.putObject("CustomerEndpoint");
            customer.put("Address", customerAddress);
            customer.put("Type", "TELEPHONE_NUMBER");
        }
        data.putNull("CustomerId");
        data.putNull("Description");
        data.put("InitialContactId", previousContactId == null ? contactId : previousContactId);
        data.put("InitiationMethod", previousContactId == null ? "INBOUND" : "TRANSFER");
        data.put("InstanceARN", instance.instanceArn());
        data.put("LanguageCode", "en-GB");
        ObjectNode customerMedia = data.putObject("MediaStreams").putObject("Customer");
        if (audio == null) {
            customerMedia.putNull("Audio");
        } else {
            customerMedia.set("Audio", audio.toJson(JSON));
        }
        data.putNull("Name");
        data.put("PreviousContactId", previousContactId == null ? contactId : previousContactId);
        if (queueArn == null) {
            data.putNull("Queue");
        } else {
            ObjectNode queue = data.putObject("Queue");
            queue.put("ARN", queueArn);
            queue.put("Name", instance.queueName(queueArn));
            ObjectNode outbound = queue.putObject("OutboundCallerId");
            outbound.put("Address", instance.systemPhoneNumber());
            outbound.put("Type", "TELEPHONE_NUMBER");
        }
        data.putObject("References");
        data.putNull("RelatedContactId");
        data.putObject("SegmentAttributes").putObject("connect:Subtype")
                .put("ValueString", isChat() ? "connect:Chat" : "connect:Telephony");
        if (isChat()) {
            data.putNull("SystemEndpoint");
        } else {
            ObjectNode system = data.putObject("SystemEndpoint");
            system.put("Address", instance.systemPhoneNumber());
            system.put("Type", "TELEPHONE_NUMBER");
        }
        ObjectNode tagsNode = data.putObject("Tags");
        tagsNode.put("aws:connect:instanceId", instance.instanceId());
        tags.forEach(tagsNode::put);
        return data;
    }

    /** What a flow's {@code $.} references read: the contact data plus External, FlowAttributes and stored input. */
    ObjectNode referenceRoot() {
        ObjectNode root = contactData();
        root.set("External", external.deepCopy());
        root.set("FlowAttributes", JSON.valueToTree(flowAttributes));
        root.set("Lex", lex.deepCopy());
        if (storedCustomerInput != null) {
            root.put("StoredCustomerInput", storedCustomerInput);
        }
        return root;
    }

    /** Live media streaming of the customer's audio as Connect reports it in {@code $.MediaStreams.Customer.Audio}. */
    public record CustomerAudioStream(String streamArn, String startFragmentNumber, long startTimestampMillis,
            String stopFragmentNumber, Long stopTimestampMillis) {

        public boolean streaming() {
            return stopTimestampMillis == null;
        }

        public CustomerAudioStream stopped(String fragmentNumber, long timestampMillis) {
            return new CustomerAudioStream(streamArn, startFragmentNumber, startTimestampMillis, fragmentNumber,
                    timestampMillis);
        }

        JsonNode toJson(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("StartFragmentNumber", startFragmentNumber);
            // Connect gives epoch milliseconds as a string.
            node.put("StartTimestamp", Long.toString(startTimestampMillis));
            if (stopTimestampMillis != null) {
                node.put("StopFragmentNumber", stopFragmentNumber);
                node.put("StopTimestamp", Long.toString(stopTimestampMillis));
            }
            node.put("StreamARN", streamArn);
            return node;
        }
    }
}
