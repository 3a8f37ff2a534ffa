package com.nomidio.connect.benchmarks.deployment;

import com.nomidio.connect.deployment.entrypoints.DeploymentHelperHandler;
import com.nomidio.connect.flows.templates.FlowDeployment;
import com.nomidio.connect.flows.templates.FlowPlaceholder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Cold and warm cost of what the deploymentHelper does before any AWS call: build the handler (SDK clients),
 * then render and validate the five flows in deployment order (the flow model's one render loop, as deploymentHelper
 * and the contact simulator run it). Run by run.sh in a fresh JVM.
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

        long t1 = System.nanoTime();
        renderAndValidateAll(instance, values);
        long firstMs = (System.nanoTime() - t1) / 1_000_000;

        int rounds = 500;
        for (int i = 0; i < rounds; i++) {
            renderAndValidateAll(instance, values);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            renderAndValidateAll(instance, values);
        }
        double warmMs = (System.nanoTime() - t2) / 1_000_000.0 / rounds;
        System.out.printf("handler construction (SDK clients): %d ms%n", handlerMs);
        System.out.printf("first render+validate of 5 flows:   %d ms%n", firstMs);
        System.out.printf("warm render+validate of 5 flows:    %.2f ms%n", warmMs);
    }

    /** Each flow is "placed" at a made-up ARN of the instance, so later flows refer to it as in a deployment. */
    private static void renderAndValidateAll(String instance, Map<FlowPlaceholder, String> values) {
        FlowDeployment.renderInDeploymentOrder(com.nomidio.connect.flows.templates.InteractionConfiguration.STANDARD_VOICE_ONLY,
                values, (rendered, report) -> instance + "/contact-flow/"
                + UUID.nameUUIDFromBytes(rendered.flow().flowName().getBytes(StandardCharsets.UTF_8)));
    }
}
