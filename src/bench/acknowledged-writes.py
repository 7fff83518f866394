"""Writes through the GraphQL API and keeps every write the service acknowledged; later, checks each one is there.
Used by src/bench/kill-postgres (README, "Does an acknowledged write survive PostgreSQL being killed?").

  acknowledged-writes.py write URL CLIENTS SECONDS LOG   CLIENTS threads write for SECONDS, appending each
                                                         acknowledged write to LOG (one JSON object a line)
  acknowledged-writes.py check URL LOG                   reads every write of LOG back; exits 1 when any is missing

Each client repeats a chain of eight mutations as a camden team manager (the local profile's /local/token): createFamily,
addChild, openPlan, three recordVisit and two recordPlanEvent on the new plan, each with its own clientMutationId. A
write is acknowledged when the answer is HTTP 200 with the mutation's object and no userErrors; then it is appended to
LOG (flushed at once), with the id it returned (family, child, plan) or, for a visit or an event, its plan and date.
A chain stops at its first write that is not acknowledged (an error, a refused or unanswered request) and a new one
begins. The check asks node(id) for each family and child, and plan(id) with its visits and events for each plan."""
import datetime
import http.client
import json
import sys
import threading
import time
import urllib.parse

AUTHORITY = "camden"
TEAM = "team-a"


def token(url):
    body = {"authority": AUTHORITY, "teams": [TEAM], "role": "TEAM_MANAGER"}
    answer = post(connect(url), None, "/local/token", body)
    if not answer or "token" not in answer:
        sys.exit("no token from %s/local/token (is the local profile running?)" % url)
    return answer["token"]


def connect(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)


def post(connection, bearer, path, body):
    """The JSON answer, or None when the request got no 200 (connection closed, refused, timed out, error status)."""
    headers = {"content-type": "application/json", "accept": "application/json"}
    if bearer:
        headers["authorization"] = "Bearer " + bearer
    try:
        connection.request("POST", path, json.dumps(body), headers)
        response = connection.getresponse()
        data = response.read()
        if response.status != 200:
            return None
        return json.loads(data)
    except (OSError, http.client.HTTPException, ValueError):
        connection.close()  # reconnects on the next request
        return None


MUTATIONS = {
    "createFamily": ("CreateFamilyInput", "family"),
    "addChild": ("AddChildInput", "child"),
    "openPlan": ("OpenPlanInput", "plan"),
    "recordVisit": ("RecordVisitInput", "plan"),
    "recordPlanEvent": ("RecordPlanEventInput", "plan"),
}


def mutate(connection, bearer, name, payload_input):
    """The id of the payload's object when the write was acknowledged, else None."""
    input_type, field = MUTATIONS[name]
    query = ("mutation($input: %s!) { %s(input: $input) { %s { id } userErrors { code field message } } }"
             % (input_type, name, field))
    answer = post(connection, bearer, "/graphql", {"query": query, "variables": {"input": payload_input}})
    if not answer or answer.get("errors") or not answer.get("data"):
        return None
    payload = answer["data"].get(name)
    if not payload or payload.get("userErrors") or not payload.get(field):
        return None
    return payload[field]["id"]


class Log:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")
        self.lock = threading.Lock()
        self.count = 0

    def acknowledged(self, record):
        with self.lock:
            self.file.write(json.dumps(record) + "\n")
            self.file.flush()
            self.count += 1


def client(url, bearer, number, deadline, log, run, attempts):
    connection = connect(url)
    referral = datetime.date.today() - datetime.timedelta(days=200)
    trigger = referral + datetime.timedelta(days=7)
    chain = 0
    while time.monotonic() < deadline:
        chain += 1
        key = "%s-%d-%d" % (run, number, chain)

        def write(step, name, payload_input):
            payload_input["clientMutationId"] = "%s-%s" % (key, step)
            attempts[number] += 1
            return mutate(connection, bearer, name, payload_input)

        family = write("family", "createFamily", {"authorityCode": AUTHORITY, "name": "Durability %s" % key,
                                                  "team": TEAM})
        if not family:
            time.sleep(0.05)  # the database may be down: do not spin
            continue
        log.acknowledged({"kind": "family", "id": family})
        child = write("child", "addChild", {"familyId": family, "givenName": "Kim", "familyName": "Durability",
                                            "dateOfBirth": "2015-03-01"})
        if not child:
            continue
        log.acknowledged({"kind": "child", "id": child})
        plan = write("plan", "openPlan", {"childId": child, "startReason": "AFTER_ASSESSMENT",
                                          "referralDate": referral.isoformat(), "triggerDate": trigger.isoformat()})
        if not plan:
            continue
        log.acknowledged({"kind": "plan", "id": plan})
        steps = [("visit", day) for day in (1, 2, 3)] + [("event", day) for day in (4, 5)]
        for kind, day in steps:
            on = (trigger + datetime.timedelta(days=day)).isoformat()
            if kind == "visit":
                done = write("visit-%d" % day, "recordVisit", {"planId": plan, "visitedOn": on, "childSeen": True,
                                                               "seenAlone": False})
            else:
                done = write("event-%d" % day, "recordPlanEvent", {"planId": plan, "kind": "MANAGEMENT_OVERSIGHT",
                                                                   "occurredOn": on})
            if not done:
                break
            log.acknowledged({"kind": kind, "plan": plan, "on": on})
    connection.close()


def write_mode(url, clients, seconds, path):
    bearer = token(url)
    log = Log(path)
    run = "kill-%d" % time.time_ns()
    deadline = time.monotonic() + seconds
    attempts = [0] * clients
    threads = [threading.Thread(target=client, args=(url, bearer, n, deadline, log, run, attempts))
               for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("writes sent: %d, acknowledged: %d" % (sum(attempts), log.count))


def check_mode(url, path):
    bearer = token(url)
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    connection = connect(url)
    nodes = sorted({r["id"] for r in records if r["kind"] in ("family", "child")})
    plan_ids = sorted({r["id"] for r in records if r["kind"] == "plan"} | {r["plan"] for r in records if "plan" in r})
    present_nodes, plans = set(), {}

    def ask(query, variables):
        answer = post(connection, bearer, "/graphql", {"query": query, "variables": variables})
        if not answer or answer.get("errors") or "data" not in answer:
            sys.exit("the check's query failed: %s" % json.dumps(answer)[:500])
        return answer["data"]

    # Ten root fields a request (the service's max-root-fields).
    for i in range(0, len(nodes), 10):
        batch = nodes[i:i + 10]
        query = "query(%s) { %s }" % (", ".join("$n%d: ID!" % j for j in range(len(batch))),
                                      " ".join("n%d: node(id: $n%d) { id }" % (j, j) for j in range(len(batch))))
        data = ask(query, {"n%d" % j: node for j, node in enumerate(batch)})
        present_nodes.update(v["id"] for v in data.values() if v)
    for i in range(0, len(plan_ids), 10):
        batch = plan_ids[i:i + 10]
        query = "query(%s) { %s }" % (", ".join("$p%d: ID!" % j for j in range(len(batch))),
                                      " ".join("p%d: plan(id: $p%d) { id visits { visitedOn } events { kind occurredOn } }"
                                               % (j, j) for j in range(len(batch))))
        data = ask(query, {"p%d" % j: plan for j, plan in enumerate(batch)})
        for value in data.values():
            if value:
                plans[value["id"]] = ({v["visitedOn"] for v in value["visits"]},
                                      {e["occurredOn"] for e in value["events"] if e["kind"] == "MANAGEMENT_OVERSIGHT"})

    def present(record):
        kind = record["kind"]
        if kind in ("family", "child"):
            return record["id"] in present_nodes
        if kind == "plan":
            return record["id"] in plans
        visits, events = plans.get(record["plan"], (set(), set()))
        return record["on"] in (visits if kind == "visit" else events)

    missing = [r for r in records if not present(r)]
    by_kind = {}
    for r in records:
        by_kind.setdefault(r["kind"], [0, 0])[0] += 1
    for r in missing:
        by_kind[r["kind"]][1] += 1
    print("acknowledged writes: %d" % len(records))
    print("missing writes: %d" % len(missing))
    print("  by kind (acknowledged / missing): " + ", ".join("%s %d / %d" % (k, v[0], v[1])
                                                               for k, v in sorted(by_kind.items())))
    for r in missing[:20]:
        print("  missing: " + json.dumps(r))
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "write":
        write_mode(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
    elif len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check_mode(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
