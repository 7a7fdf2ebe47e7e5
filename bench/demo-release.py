#!/usr/bin/env python3
"""Walks one demo release end to end against a running Liftoff (demo profile) and times it.

CI starts the release as ci-bot; each task is completed over REST by a demo user of its group,
as soon as it appears. Prints the outcome and the wall-clock time from start to outcome.

    ./mvnw spring-boot:run            # in another terminal
    bench/demo-release.py [--sha c0ffee1234abcd] [--url http://localhost:8080]
"""
import argparse, base64, json, time, urllib.request, urllib.error

SIGNERS = {"engineering-leads": "eli", "security-leads": "sam", "operations": "otto", "product-owners": "paula"}


def call(url, user, path, body=None):
    request = urllib.request.Request(url + path, data=None if body is None else json.dumps(body).encode(),
                                     method="GET" if body is None else "POST")
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode())
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def first_task(url, user, key, task, group=None):
    query = f"/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}"
    if group:
        query += f"&candidateGroup={group}"
    tasks = call(url, user, query)
    return tasks[0]["id"] if tasks else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--sha", default="c0ffee1234abcd")
    args = parser.parse_args()
    version = time.strftime("2026.%m%d.%H%M%S")
    key = f"study-api@{version}"
    variables = {"service": {"value": "study-api"}, "version": {"value": version},
                 "commitSha": {"value": args.sha}, "requestedBy": {"value": "erin"}}
    started = time.monotonic()
    call(args.url, "ci-bot", "/engine-rest/process-definition/key/release-lifecycle/start",
         {"businessKey": key, "variables": variables})
    steps = [("UserTask_GoNoGo", "rita", None, {"decision": {"value": "GO"}}),
             ("UserTask_Uat", "ursula", None, {"decision": {"value": "GO"}, "confidence": {"value": 4},
                                               "scenariosPassed": {"value": "[]", "type": "Json"},
                                               "issues": {"value": "[]", "type": "Json"}})]
    steps += [("UserTask_SignOff", user, group, {"decision": {"value": "APPROVE"}}) for group, user in SIGNERS.items()]
    pending = list(steps)
    waited_for_people = 0.0
    while True:
        instance = call(args.url, "admin", f"/engine-rest/history/process-instance?processInstanceBusinessKey={key}"
                                          "&processDefinitionKey=release-lifecycle")[0]
        if instance["state"] == "COMPLETED":
            break
        for step in list(pending):
            task, user, group, decision = step
            task_id = first_task(args.url, user, key, task, group)
            if task_id:
                call(args.url, user, f"/engine-rest/task/{task_id}/complete", {"variables": decision})
                pending.remove(step)
        time.sleep(0.05)
    elapsed = time.monotonic() - started
    outcome = call(args.url, "admin", f"/engine-rest/history/variable-instance?processInstanceId={instance['id']}"
                                      "&variableName=outcome")[0]["value"]
    reason = call(args.url, "admin", f"/engine-rest/history/variable-instance?processInstanceId={instance['id']}"
                                     "&variableName=outcomeReason")[0]["value"]
    print(f"{key}: {outcome} in {elapsed:.2f} s (tasks completed by script as soon as they appeared)")
    print(f"  {reason}")


if __name__ == "__main__":
    main()
