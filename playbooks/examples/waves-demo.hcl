# A progressive rollout: a canary, then growing waves, halting when too many
# hosts fail their health check, and rolling the failed wave back.
# `make demo` runs it on the local fleet after breaking two hosts on purpose.
playbook {
  name        = "sb-daemon-rollout"
  description = "Install, configure and start sb-daemon, wave by wave"
}

rollout {
  strategy = "waves"
  waves    = [1, "50%", "100%"] # a canary, then half the fleet, then the rest
  max_fail = "34%"              # a 3-host wave may lose one host, not two
  forks    = 3
  rollback = "wave"
}

snapshot {
  provider = "files" # the paths service and file steps write are saved by themselves
}

phase "install" {
  apk "daemon" {
    packages = ["sb-daemon", "sb-hello"]
  }
}

phase "configure" {
  service "daemon" {
    service = "sb-daemon"
    enabled = true
    state   = "started"
    conf_d  = { SB_DAEMON_INTERVAL = "1" }
  }
  file "banner" {
    path    = "/etc/motd"
    content = "sb-daemon managed by switchback\n"
  }
}

phase "verify" {
  # The demo marks some hosts broken with /etc/demo-broken; on a real fleet
  # this would be the service's own health check.
  command "health check" {
    run    = "echo 'health check failed' >&2; exit 1"
    # Healthy: not marked broken, and the daemon's heartbeat appears
    # within five seconds.
    unless = "[ ! -e /etc/demo-broken ] && for i in 1 2 3 4 5; do [ -s /run/sb-daemon.heartbeat ] && exit 0; sleep 1; done; exit 1"
  }
}
