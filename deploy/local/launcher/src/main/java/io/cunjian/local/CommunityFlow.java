package io.cunjian.local;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The smoke's community flow: in the smoke village (registered in village-projects by the camera flow, learnt by
 * community's replica through village.events) five households are registered and formed into a 十户联防 group with
 * a 户长, and community.events carries the registrations and the grid change.
 */
final class CommunityFlow {

    static final String GRID_CHANGED = "cunjian.community.grid-changed.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmokeFlows flows;
    private final String community;
    private final String bootstrapServers;

    CommunityFlow(SmokeFlows flows, String community, String bootstrapServers) {
        this.flows = flows;
        this.community = community;
        this.bootstrapServers = bootstrapServers;
    }

    List<String> householdsFormAGroupWithALeader(String village) throws Exception {
        List<String> problems = new ArrayList<>();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> households = new ArrayList<>();
        String leader = null;
        for (int i = 0; i < 5; i++) {
            String body = "{\"villageCode\":\"" + village + "\",\"address\":\"冒烟街 " + suffix + "-" + i
                    + " 号\",\"size\":3,\"headName\":\"冒烟户主\"}";
            // until community's replica has seen the village it answers 503, or 422 (Seeds.notYetThere)
            HttpResponse<String> r = retrying(() -> flows.send("POST", community + "/api/v1/households", body, Map.of()));
            if (r.statusCode() != 201) {
                problems.add("registering a household answered " + r.statusCode() + ": " + r.body());
                return problems;
            }
            var household = JSON.readTree(r.body());
            households.add(household.path("id").asText());
            leader = leader == null ? household.path("members").path(0).path("id").asText() : leader;
        }
        String group = "{\"villageCode\":\"" + village + "\",\"householdIds\":[\"" + String.join("\",\"", households)
                + "\"],\"leaderPersonId\":\"" + leader + "\"}";
        HttpResponse<String> formed = flows.send("POST", community + "/api/v1/groups", group, Map.of());
        if (formed.statusCode() != 201) {
            problems.add("forming a group answered " + formed.statusCode() + ": " + formed.body());
            return problems;
        }
        List<String> types = TopicEvents.typesForKey(bootstrapServers, "community.events", village, 11, Duration.ofSeconds(20));
        if (!types.contains(GRID_CHANGED)) {
            problems.add("community.events holds no " + GRID_CHANGED + " for " + village + " within 20 s: " + types);
        }
        return problems;
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> retrying(Call call) throws Exception {
        java.time.Instant giveUp = java.time.Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> answer = call.send();
            if (!Seeds.notYetThere(answer) || java.time.Instant.now().isAfter(giveUp)) {
                return answer;
            }
            Thread.sleep(500);
        }
    }
}
