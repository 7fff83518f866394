#!/usr/bin/env bash
# Calls every operation of the API contract once with curl, prints each answer, and fails on the first answer that
# has errors (or userErrors, for a mutation), or when the subscription's event does not come.
#   CIN_URL=http://localhost:8080 ./all-operations.sh
# CIN_AUTHORITY (default camden) and CIN_TEAM (default team-a) choose whose team manager token /local/token gives
# (local profile); outside it, give a TEAM_MANAGER's token in CIN_TOKEN. Needs bash, curl and jq.
# It writes made-up records: a family, a child, and a plan it closes at the end.
set -euo pipefail

CIN_URL=${CIN_URL:-http://localhost:8080}
AUTHORITY=${CIN_AUTHORITY:-camden}
TEAM=${CIN_TEAM:-team-a}
EVENT_TIMEOUT=${EVENT_TIMEOUT:-20}

for tool in curl jq; do
  command -v "$tool" > /dev/null || { echo "this script needs $tool (Debian: apt-get install $tool)" >&2; exit 2; }
done

work=$(mktemp -d)
sse_pid=
cleanup() {
  if [ -n "$sse_pid" ]; then kill "$sse_pid" 2> /dev/null || true; wait "$sse_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAILED: $*" >&2; exit 1; }

if [ -n "${CIN_TOKEN:-}" ]; then
  token=$CIN_TOKEN
else
  token=$(curl -sf -X POST "$CIN_URL/local/token" -H 'content-type: application/json' \
    -d "$(jq -nc --arg a "$AUTHORITY" --arg t "$TEAM" '{authority: $a, teams: [$t], role: "TEAM_MANAGER", subject: "curl-example"}')" \
    | jq -r .token) || fail "no token from $CIN_URL/local/token (is the service up, in the local profile?); or set CIN_TOKEN"
fi
today=$(TZ=Europe/London date +%F)
calls=0

# gql NAME QUERY [VARIABLES_JSON]: posts one operation, prints the answer, stops on errors or userErrors.
# The answer is left in $answer.
gql() {
  local name=$1 query=$2 variables=${3:-'{}'} status verdict
  answer=$(curl -s -w '\n%{http_code}' "$CIN_URL/graphql" \
    -H "authorization: Bearer $token" -H 'content-type: application/json' \
    --data "$(jq -nc --arg q "$query" --argjson v "$variables" '{query: $q, variables: $v}')")
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  echo "== $name (HTTP $status)"
  jq . <<< "$answer" 2> /dev/null || echo "$answer"
  [ "$status" = 200 ] || fail "$name: HTTP $status"
  verdict=$(jq -r 'if (.errors // []) != [] then "errors" elif .data == null then "no data"
    elif ([.data[] | objects | .userErrors // [] | length] | add // 0) > 0 then "userErrors" else "ok" end' \
    <<< "$answer") || verdict="no JSON"
  [ "$verdict" = ok ] || fail "$name answered with $verdict"
  calls=$((calls + 1))
}

# ---- Query.authorities
gql authorities '{ authorities { code name calendar policyVersion } }'

# ---- Mutation.createFamily, addChild, openPlan: a made-up family with one child, and a plan referred today
gql createFamily 'mutation($a: String!) { createFamily(input: {authorityCode: $a, name: "Curl Example"}) {
    family { id name authority { code } } userErrors { field message code } } }' \
  "$(jq -nc --arg a "$AUTHORITY" '{a: $a}')"
family=$(jq -r .data.createFamily.family.id <<< "$answer")

gql addChild 'mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "Example", familyName: "Curl",
    dateOfBirth: "2018-05-04"}) { child { id givenName familyName } userErrors { field message code } } }' \
  "$(jq -nc --arg f "$family" '{f: $f}')"
child=$(jq -r .data.addChild.child.id <<< "$answer")

gql openPlan 'mutation($c: ID!, $d: Date!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,
    referralDate: $d, triggerDate: $d}) { plan { id status nextReviewDue isOverdue requiredChairRole }
    userErrors { field message code } } }' \
  "$(jq -nc --arg c "$child" --arg d "$today" '{c: $c, d: $d}')"
plan=$(jq -r .data.openPlan.plan.id <<< "$answer")
chair=$(jq -r .data.openPlan.plan.requiredChairRole <<< "$answer")

# ---- Query.family, child, plan, node, plans
gql family 'query($id: ID!) { family(id: $id) { id name authority { code } children { id givenName } } }' \
  "$(jq -nc --arg id "$family" '{id: $id}')"
gql child 'query($id: ID!) { child(id: $id) { id givenName familyName dateOfBirth disabled siblings { id }
    family { id } currentPlan { id } plans { id status } } }' "$(jq -nc --arg id "$child" '{id: $id}')"
gql plan 'query($id: ID!) { plan(id: $id) { id status startReason startDate nextReviewDue isOverdue
    requiredChairRole nextMeeting { kind dueDate requiredChairRole acceptableChairRoles chairConstraint rule { id } }
    deadlines(includeMet: true) { kind dueDate status isOverdue metOn responsibleRole rule { id summary } } } }' \
  "$(jq -nc --arg id "$plan" '{id: $id}')"
gql node 'query($id: ID!) { node(id: $id) { id __typename ... on CinPlan { status child { id } } } }' \
  "$(jq -nc --arg id "$plan" '{id: $id}')"
jq -e --arg id "$plan" '.data.node.id == $id' <<< "$answer" > /dev/null || fail "node did not resolve the plan"
gql plans 'query($a: String) { plans(filter: {authorityCode: $a, status: OPEN}, first: 3) { totalCount
    edges { cursor node { id nextReviewDue isOverdue requiredChairRole } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }' "$(jq -nc --arg a "$AUTHORITY" '{a: $a}')"

# ---- Subscription.deadlinesChanged over Server-Sent Events: subscribe to the plan, hold its initial meeting
# (Mutation.recordMeeting), and read the event that the meeting causes.
curl -sN --max-time "$EVENT_TIMEOUT" "$CIN_URL/graphql" \
  -H "authorization: Bearer $token" -H 'content-type: application/json' -H 'accept: text/event-stream' \
  --data "$(jq -nc --arg p "$plan" '{query: "subscription($p: ID!) { deadlinesChanged(planId: $p) { cause changedAt nextReviewDue isOverdue plan { id } } }", variables: {p: $p}}')" \
  > "$work/events" 2> "$work/events.err" &
sse_pid=$!
sleep 2   # time for the subscription to be in place before the change it is to hear

gql recordMeeting 'mutation($p: ID!, $d: Date!, $chair: ChairRole!) { recordMeeting(input: {planId: $p,
    kind: PLANNING, heldOn: $d, chairRole: $chair, chairName: "Example Chair",
    attendees: [{name: "Example Parent", role: "parent"}]}) {
    meeting { id kind sequence heldOn chairRole requiredChairRole chairCompliant }
    plan { nextReviewDue isOverdue } userErrors { field message code } } }' \
  "$(jq -nc --arg p "$plan" --arg d "$today" --arg chair "$chair" '{p: $p, d: $d, chair: $chair}')"
meeting=$(jq -r .data.recordMeeting.meeting.id <<< "$answer")

echo "== deadlinesChanged (SSE)"
event=
for _ in $(seq 1 $((EVENT_TIMEOUT * 10))); do
  event=$(sed -n 's/^data: \{0,1\}//p' "$work/events" | head -n 1)
  [ -n "$event" ] && break
  kill -0 "$sse_pid" 2> /dev/null || break
  sleep 0.1
done
[ -n "$event" ] || fail "deadlinesChanged: no event within ${EVENT_TIMEOUT}s"
jq . <<< "$event"
jq -e --arg p "$plan" '(.errors // []) | length == 0' <<< "$event" > /dev/null || fail "deadlinesChanged answered with errors"
jq -e --arg p "$plan" '.data.deadlinesChanged.plan.id == $p and .data.deadlinesChanged.cause == "MUTATION"' \
  <<< "$event" > /dev/null || fail "deadlinesChanged: the event is not the meeting's change to the plan"
kill "$sse_pid" 2> /dev/null || true
wait "$sse_pid" 2> /dev/null || true
sse_pid=
calls=$((calls + 1))

# ---- Mutation.recordPlanEvent, recordVisit, closePlan
gql recordPlanEvent 'mutation($p: ID!, $m: ID, $d: Date!) { recordPlanEvent(input: {planId: $p,
    kind: PLAN_DISTRIBUTED, occurredOn: $d, meetingId: $m}) { plan { id isOverdue } userErrors { field message code } } }' \
  "$(jq -nc --arg p "$plan" --arg m "$meeting" --arg d "$today" '{p: $p, m: $m, d: $d}')"
gql recordVisit 'mutation($p: ID!, $d: Date!) { recordVisit(input: {planId: $p, visitedOn: $d, childSeen: true,
    seenAlone: true, note: "Example visit"}) { plan { id isOverdue } userErrors { field message code } } }' \
  "$(jq -nc --arg p "$plan" --arg d "$today" '{p: $p, d: $d}')"
gql closePlan 'mutation($p: ID!, $d: Date!) { closePlan(input: {planId: $p, closedOn: $d, reason: CLOSE}) {
    plan { id status nextReviewDue } userErrors { field message code } } }' \
  "$(jq -nc --arg p "$plan" --arg d "$today" '{p: $p, d: $d}')"
jq -e '.data.closePlan.plan.status == "CLOSED"' <<< "$answer" > /dev/null || fail "closePlan did not close the plan"

echo "all $calls operations answered without errors"
