package com.nomidio.connect.benchmarks.deployment;

import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandler;
import com.nomidio.connect.flows.templates.FlowPlaceholder;
import com.nomidio.connect.flows.templates.FlowRenderer;
import com.nomidio.connect.flows.templates.NomidioFlow;
import com.nomidio.connect.flows.validation.FlowValidator;
import java.util.EnumMap;
import java.util.Map;

/**
 * Cold and warm cost of what the deploymentHelper does before any AWS call: build the handler (SDK clients),
 * then render and validate the five flows. Run by run.sh against the shaded Lambda jar in a fresh JVM.
 */
public class RenderFlowsBenchmark {

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        new DeploymentHelperHandler();
        long handlerMs = (System.nanoTime() - t0) / 1_000_000;

        Map<FlowPlaceholder, String> values = new EnumMap<>(FlowPlaceholder.class);
        String instance = "arn:aws:connect:eu-west-2:111122223333:instance/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
        values.put(FlowPlaceholder.NOMIDIO_ACTION_FUNCTION_ARN, "arn:aws:lambda:eu-west-2:111122223333:function:nomidioAction:live");
        values.put(FlowPlaceholder.ENTERPRISE_NAME, "The Test Company");
        values.put(FlowPlaceholder.WORKING_QUEUE_ARN, instance + "/queue/11111111-1111-4111-8111-111111111111");
        values.put(FlowPlaceholder.POST_FLOW_ARN, instance + "/contact-flow/22222222-2222-4222-8222-222222222222");
        values.put(FlowPlaceholder.CHALLENGE_FLOW_ARN, instance + "/contact-flow/33333333-3333-4333-8333-333333333333");
        values.put(FlowPlaceholder.AUTHENTICATION_FLOW_ARN, instance + "/contact-flow/44444444-4444-4444-8444-444444444444");
        FlowValidator validator = FlowValidator.forNomidioFlows();

        long t1 = System.nanoTime();
        renderAndValidateAll(values, validator);
        long firstMs = (System.nanoTime() - t1) / 1_000_000;

        int rounds = 500;
        for (int i = 0; i < rounds; i++) {
            renderAndValidateAll(values, validator);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            renderAndValidateAll(values, validator);
        }
        double warmMs = (System.nanoTime() - t2) / 1_000_000.0 / rounds;
        System.out.printf("handler construction (SDK clients): %d ms%n", handlerMs);
        System.out.printf("first render+validate of 5 flows:   %d ms%n", firstMs);
        System.out.printf("warm render+validate of 5 flows:    %.2f ms%n", warmMs);
    }

    private static void renderAndValidateAll(Map<FlowPlaceholder, String> values, FlowValidator validator) {
        for (NomidioFlow flow : NomidioFlow.deploymentOrder()) {
            validator.validate(flow.flowName(), FlowRenderer.render(flow, values).content()).orThrow();
        }
    }
}
