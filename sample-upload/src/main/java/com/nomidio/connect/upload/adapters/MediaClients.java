package com.nomidio.connect.upload.adapters;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClient;
import software.amazon.awssdk.services.kinesisvideomedia.KinesisVideoMediaClientBuilder;

/**
 * One KinesisVideoMediaClient per GET_MEDIA data endpoint, kept across warm invocations (a stream's endpoint
 * rarely changes, and building a client costs more than a request).
 */
public final class MediaClients implements Function<String, KinesisVideoMediaClient> {

    private final Function<String, KinesisVideoMediaClient> factory;
    private final Map<String, KinesisVideoMediaClient> clients = new ConcurrentHashMap<>();

    public MediaClients(Function<String, KinesisVideoMediaClient> factory) {
        this.factory = factory;
    }

    /**
     * Clients on {@code http} pointed at each endpoint, signing with {@code credentials} in {@code region} (the
     * SDK's default region when null).
     */
    public static MediaClients over(SdkHttpClient http, AwsCredentialsProvider credentials, Region region) {
        return new MediaClients(endpoint -> {
            KinesisVideoMediaClientBuilder builder = KinesisVideoMediaClient.builder()
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .endpointOverride(URI.create(endpoint));
            if (region != null) {
                builder.region(region);
            }
            return builder.build();
        });
    }

    @Override
    public KinesisVideoMediaClient apply(String endpoint) {
        return clients.computeIfAbsent(endpoint, factory);
    }
}
