#!/bin/bash
set -e

# Stand-in: nc answers as a healthy ZooKeeper would.
nc() {
	case "$1" in
	-z) return 0 ;;
	esac
	read -r word
	case "$word" in
	ruok) printf imok ;;
	stat) printf 'Zookeeper version: 3.8.4-9316c2a7a97e1666d8f4593f34dd6fc36ecc436c, built on 2024-02-12\nClients:\n Mode: standalone\n' ;;
	esac
}

# Check if Zookeeper is responding
check_zookeeper() {
    local port=${ZOOKEEPER_CLIENT_PORT:-2181}
    
    # Test 1: Check if port is open
    if ! nc -z localhost $port; then
        echo "Zookeeper port $port is not accessible"
        return 1
    fi
    
    # Test 2: Send 'ruok' command (Are you OK?)
    local response=$(echo 'ruok' | nc localhost $port 2>/dev/null || echo "")
    if [ "$response" != "imok" ]; then
        echo "Zookeeper is not responding correctly. Response: '$response'"
        return 1
    fi
    
    # Test 3: Check server status
    local status=$(echo 'stat' | nc localhost $port 2>/dev/null | head -1 || echo "")
    if [[ ! "$status" =~ "Zookeeper version" ]]; then
        echo "Zookeeper status check failed: '$status'"
        return 1
    fi

    local mode=$(echo 'stat' | nc localhost $port 2>/dev/null | grep Mode | awk '{print $2}')
    echo "Zookeeper is healthy (mode: ${mode:-unknown})"
    return 0
}

check_zookeeper
