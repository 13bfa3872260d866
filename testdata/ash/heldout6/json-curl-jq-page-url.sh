#! /bin/bash
# jq's manual has more filters like these.
curl() {
	printf '%s\n' '{"page":{"id":"kctbh9vrtdwd","name":"GitHub","url":"https://www.githubstatus.com","time_zone":"Etc/UTC","updated_at":"2023-04-24T08:12:01.511Z"},"status":{"indicator":"none","description":"All Systems Operational"}}'
}

# a status page answer; to be adjusted to the repository host's REST API
GIT_REPSONSE_JSON=$(curl -s https://status.example.org/api/v2/status.json)
echo $GIT_REPSONSE_JSON | jq
echo $GIT_REPSONSE_JSON | jq '.page.url'
echo $GIT_REPSONSE_JSON | jq -r '.status.description'

#echo '{"fruit":{"name":"apple","color":"green","price":1.20}}' | jq '.'
#echo '{"fruit":{"name":"apple","color":"green","price":1.20}}' | jq '.fruit.color'
