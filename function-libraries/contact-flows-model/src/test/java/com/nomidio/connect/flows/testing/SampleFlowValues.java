package com.nomidio.connect.flows.testing;

import com.nomidio.connect.flows.templates.FlowPlaceholder;
import com.nomidio.connect.testkit.connect.SampleConnectInstance;
import java.util.EnumMap;
import java.util.Map;

/** Realistic placeholder values (the kit's made-up account, instance and flows) for rendering the templates offline. */
public final class SampleFlowValues {

    public static final String NOMIDIO_ACTION_ALIAS_ARN = SampleConnectInstance.NOMIDIO_ACTION_ALIAS_ARN;

    private SampleFlowValues() {
    }

    public static Map<FlowPlaceholder, String> values() {
        Map<FlowPlaceholder, String> values = new EnumMap<>(FlowPlaceholder.class);
        values.put(FlowPlaceholder.NOMIDIO_ACTION_FUNCTION_ARN, NOMIDIO_ACTION_ALIAS_ARN);
        values.put(FlowPlaceholder.ENTERPRISE_NAME, "The Test Company");
        values.put(FlowPlaceholder.WORKING_QUEUE_ARN, SampleConnectInstance.queueArn("11111111-1111-4111-8111-111111111111"));
        values.put(FlowPlaceholder.POST_FLOW_ARN, SampleConnectInstance.flowArn("22222222-2222-4222-8222-222222222222"));
        values.put(FlowPlaceholder.CHALLENGE_FLOW_ARN, SampleConnectInstance.flowArn("33333333-3333-4333-8333-333333333333"));
        values.put(FlowPlaceholder.AUTHENTICATION_FLOW_ARN, SampleConnectInstance.flowArn("44444444-4444-4444-8444-444444444444"));
        values.put(FlowPlaceholder.LEX_AUTHENTICATION_FLOW_ARN, SampleConnectInstance.flowArn("55555555-5555-4555-8555-555555555555"));
        values.put(FlowPlaceholder.LEX_BOT_ALIAS_ARN, SampleConnectInstance.LEX_BOT_ALIAS_ARN);
        // The PRE flow's routes as Lex Voice + Chat decides them (FlowDeployment fills them from the configuration).
        values.put(FlowPlaceholder.VOICE_AUTHENTICATION_FLOW_ARN, values.get(FlowPlaceholder.LEX_AUTHENTICATION_FLOW_ARN));
        values.put(FlowPlaceholder.CHAT_AUTHENTICATION_FLOW_ARN, values.get(FlowPlaceholder.LEX_AUTHENTICATION_FLOW_ARN));
        return values;
    }
}
