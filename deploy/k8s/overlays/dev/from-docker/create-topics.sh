#!/bin/bash
# Creates the topics listed in deploy/local/topics.conf (the same list the local stack uses):
# fixed partitions, unlimited retention. Usage: create-topics.sh <bootstrap> <topics.conf>
set -euo pipefail
bootstrap="$1"; conf="$2"
grep -vE '^\s*(#|$)' "$conf" | while read -r name partitions; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 \
    --config retention.ms=-1 --config cleanup.policy=delete
done
