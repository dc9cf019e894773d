package io.cunjian.local;

import java.util.List;

/**
 * One command of {@code deploy/local/stack}: it gets the developer's stack and the words after the
 * command's name, and answers the process's exit code (0 done, 1 failed, 2 bad usage, 3 not all up).
 */
interface StackCommand {

    int run(Stack stack, List<String> args) throws Exception;
}
