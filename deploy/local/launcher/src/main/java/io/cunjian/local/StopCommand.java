package io.cunjian.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.cunjian.infrastructure.Processes;

/** {@code stop}: everything the stack started, services first so that none loses its broker or database mid-request. */
final class StopCommand implements StackCommand {

    @Override
    public int run(Stack stack, List<String> args) {
        return stop(stack);
    }

    int stop(Stack stack) {
        // first, so that it does not record the services going away as an outage
        if (stack.prometheus().stop()) {
            Stack.say("Prometheus", "stopped");
        }
        // before the services, so that it does not log their going away as refused heartbeats
        if (stack.stopDeviceSimulator()) {
            Stack.say("device simulator", "stopped");
        }
        for (ServiceDescriptor s : stack.services()) {
            if (stack.serviceProcesses().stop(s)) {
                Stack.say(s.name(), "stopped");
            }
        }
        // further instances started beside them (Stack.startService), each with its pid file
        for (Path pid : stack.pidFiles()) {
            if (Processes.stop(pid, Duration.ofSeconds(20))) {
                Stack.say(pid.getFileName().toString().replace(".pid", ""), "stopped");
            }
        }
        if (stack.kafka().stop()) {
            Stack.say("Kafka", stack.kafka().nodes().size() == 1 ? "stopped" : "stopped (" + stack.kafka().nodes().size() + " brokers)");
        }
        if (stack.databases().stopEmbeddedServer()) {
            Stack.say("PostgreSQL", "embedded server stopped");
        }
        return 0;
    }
}
