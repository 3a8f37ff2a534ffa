package com.nomidio.connect.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nomidio.connect.domain.AuthLevel;
import com.nomidio.connect.domain.CancelReason;
import com.nomidio.connect.domain.ChallengeStatus;
import com.nomidio.connect.domain.Channel;
import com.nomidio.connect.domain.FraudFlag;
import com.nomidio.connect.domain.NomidioStatus;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI file is the contract: the client and the domain enums must say exactly what it says. */
class GatewayContractTest {

    private static JsonNode openApi;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = GatewayContractTest.class.getResourceAsStream("/nomidio-gateway-openapi.yaml")) {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void operations_whenComparedWithClient_haveOneMethodEach() {
        List<String> operationIds = new ArrayList<>();
        openApi.path("paths").forEach(path -> path.forEach(op -> operationIds.add(op.path("operationId").asText())));
        Set<String> methods = Arrays.stream(NomidioGateway.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(operationIds).contains("issueToken").hasSize(11);
        operationIds.remove("issueToken");
        // operationId getChallengeResult is the client's challengeResult
        assertThat(operationIds.stream().map(id -> id.equals("getChallengeResult") ? "challengeResult" : id))
                .containsExactlyInAnyOrderElementsOf(methods);
    }

    @Test
    void enums_whenComparedWithSchemas_matchExactly() {
        assertThat(schemaEnum("NomidioStatus")).containsExactly(names(NomidioStatus.values()));
        assertThat(schemaEnum("ChallengeStatus")).containsExactly(names(ChallengeStatus.values()));
        assertThat(schemaEnum("ChallengeAuthenticationLevel")).containsExactly(names(AuthLevel.values()));
        assertThat(schemaEnum("FraudFlagStatus")).containsExactly(names(FraudFlag.values()));
        assertThat(schemaEnum("Channel")).containsExactly(names(Channel.values()));
        assertThat(schemaEnum("CancelReason")).containsExactly(names(CancelReason.values()));
    }

    @Test
    void errorCodes_whenComparedWithClient_areExactlyTheContractCodes() {
        List<String> codes = StreamSupport.stream(
                openApi.at("/components/schemas/Error/properties/code/enum").spliterator(), false)
                .map(JsonNode::asText).toList();

        assertThat(codes).containsExactlyInAnyOrder(java.util.Arrays.stream(GatewayError.values())
                .filter(GatewayError::isContractCode).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void challengeResult_whenComparedWithSchema_hasEveryPropertyAndTheBindingIsRequired() {
        List<String> properties = new ArrayList<>();
        openApi.at("/components/schemas/ChallengeResult/properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = StreamSupport.stream(
                openApi.at("/components/schemas/ChallengeResult/required").spliterator(), false).map(JsonNode::asText).toList();

        assertThat(properties).containsExactlyInAnyOrderElementsOf(Arrays.stream(
                com.nomidio.connect.domain.ChallengeResult.class.getRecordComponents()).map(c -> c.getName()).toList());
        // Without these the client cannot tell a challenge of this contact from one named in a forged attribute.
        assertThat(required).contains("nomidioId", "contactId", "nomidioStatus");
    }

    @Test
    void gatewayIdPattern_whenComparedWithClient_isTheSame() {
        assertThat(openApi.at("/components/schemas/GatewayId/pattern").asText())
                .isEqualTo("^" + com.nomidio.connect.domain.GatewayIds.PATTERN.pattern() + "$");
    }

    @Test
    void nomidioStatus_whenCounted_hasTheGuidesSixteenValues() {
        assertThat(NomidioStatus.values()).hasSize(16);
    }

    private static List<String> schemaEnum(String schema) {
        return StreamSupport.stream(openApi.at("/components/schemas/" + schema + "/enum").spliterator(), false)
                .filter(node -> !node.isNull())
                .map(JsonNode::asText).toList();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
