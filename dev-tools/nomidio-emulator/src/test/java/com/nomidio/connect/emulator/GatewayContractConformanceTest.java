package com.nomidio.connect.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nomidio.connect.emulator.http.Route;
import com.nomidio.connect.emulator.state.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator serves exactly the operations of nomidio-gateway-openapi.yaml and only the contract's errors. */
class GatewayContractConformanceTest {

    private record Operation(String operationId, String method, String path, JsonNode node) {
    }

    private static JsonNode openApi;
    private static List<Operation> operations;
    private static GatewayEmulator emulator;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = GatewayContractConformanceTest.class.getResourceAsStream("/nomidio-gateway-openapi.yaml")) {
            openApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        operations = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                operations.add(new Operation(op.getValue().path("operationId").asText(),
                        op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()))));
        emulator = GatewayEmulator.builder().build();
    }

    @AfterAll
    static void close() {
        emulator.close();
    }

    @Test
    void contractRoutes_whenComparedWithOpenApi_serveEveryOperationAtItsMethodAndPath() {
        List<String> contract = operations.stream().map(o -> o.operationId() + " " + o.method() + " " + o.path()).toList();
        List<String> served = emulator.contractRoutes().stream()
                .map(r -> r.operationId() + " " + r.method() + " " + r.template()).toList();

        assertThat(contract).hasSize(11);
        assertThat(served).containsExactlyInAnyOrderElementsOf(contract);
    }

    @Test
    void errorCodes_whenComparedWithContract_areExactlyItsCodesWithItsStatuses() {
        List<String> contractCodes = StreamSupport.stream(
                openApi.at("/components/schemas/Error/properties/code/enum").spliterator(), false)
                .map(JsonNode::asText).toList();
        Map<String, String> statusByCode = new HashMap<>();
        Matcher m = Pattern.compile("(\\d{3}|5XX) ([A-Z_]+)").matcher(openApi.at("/components/responses/Error/description").asText());
        while (m.find()) {
            statusByCode.put(m.group(2), m.group(1));
        }

        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).containsExactlyElementsOf(contractCodes);
        for (ErrorCode code : ErrorCode.values()) {
            String status = String.valueOf(code.httpStatus());
            assertThat(statusByCode.get(code.name())).as(code.name())
                    .isEqualTo(code == ErrorCode.SERVER_ERROR ? "5XX" : status);
        }
    }

    @Test
    void declaredErrors_whenComparedWithEachOperationsResponses_areAllDeclaredThere() {
        for (Route route : emulator.contractRoutes()) {
            JsonNode responses = operation(route.operationId()).node().path("responses");
            for (ErrorCode code : route.errors()) {
                assertThat(responses.has(String.valueOf(code.httpStatus())))
                        .as(route.operationId() + " answers " + code + " but the contract does not list "
                                + code.httpStatus())
                        .isTrue();
            }
            assertThat(responses.has("5XX")).as(route.operationId() + " lists 5XX").isTrue();
        }
    }

    @Test
    void authentication_whenComparedWithOperationSecurity_isRequiredExactlyWhereTheContractSays() {
        for (Route route : emulator.contractRoutes()) {
            JsonNode security = operation(route.operationId()).node().get("security");
            boolean open = security != null && security.isArray() && security.isEmpty();
            assertThat(route.authenticated()).as(route.operationId()).isEqualTo(!open);
        }
    }

    private static Operation operation(String operationId) {
        return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst().orElseThrow();
    }
}
